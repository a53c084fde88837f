package article

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestDelimiterLimit checks that no inline block pushes more delimiter
// runs than the budget allows, whatever the block structure around the
// runs, and that blocks of real documents push all theirs.
func TestDelimiterLimit(t *testing.T) {
	runs := strings.Repeat("*a_", 20000)
	numbered := "x\n"
	for range 200 {
		numbered += "2. " + strings.Repeat("*a_", 120) + "\n"
	}
	tests := []struct {
		name    string
		src     string
		limited bool // some block was cut short
		strong  int  // Strong nodes the real document keeps, when not limited
	}{
		{"one paragraph", runs, true, 0},
		{"after a fence in a quote", "> ```\n\n" + runs, true, 0},
		{"after an indented fence", "    ```\n\n" + runs, true, 0},
		{"after a fence in a list", "- ```\n\n" + runs, true, 0},
		{"lazy numbered lines", numbered, true, 0},
		{"in a quote", strings.Repeat("> *a_ *a_\n", 10000), true, 0},
		{"in a heading", "# " + runs, true, 0},
		{"in a table cell", "| a |\n|---|\n| " + runs + " |\n", true, 0},
		{"strikethrough", strings.Repeat("~a*", 20000), true, 0},
		{"bold list", strings.Repeat("- **item** with *emphasis* and ~~strike~~\n", 4000), false, 4000},
		{"bold table", "| a | b |\n|---|---|\n" + strings.Repeat("| **x** | _y_ |\n", 3000), false, 3000},
		{"bold headings", strings.Repeat("## **a** *b*\ntext **c** _d_\n", 2000), false, 4000},
		{"long bold paragraph", strings.Repeat("**b** ", 3000), false, 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pc := parser.NewContext()
			fastMarkdown.Parser().Parse(text.NewReader([]byte(tt.src)), parser.WithContext(pc))
			c := delimCountOf(pc)
			if c.most > 2048 {
				t.Errorf("a block pushed %d runs, more than the budget allows", c.most)
			}
			if limited := c.cut > 0; limited != tt.limited {
				t.Errorf("runs read as text: %d, want them only when limited (%v)", c.cut, tt.limited)
			}
			if !tt.limited {
				blocks, err := parseMarkdownBody([]byte(tt.src), 1)
				if err != nil {
					t.Fatal(err)
				}
				if n := strings.Count(dumpBlocks(blocks), "strong"); n != tt.strong {
					t.Errorf("%d strong emphases, want %d", n, tt.strong)
				}
			}
		})
	}
}

// TestDelimiterLimitKeepsText checks that a block cut short keeps its
// characters: runs past the limit are text, as unmatched runs are.
func TestDelimiterLimitKeepsText(t *testing.T) {
	src := strings.Repeat("*a_", 9000)
	blocks, err := parseMarkdownBody([]byte(src), 1)
	if err != nil {
		t.Fatal(err)
	}
	if d := dumpBlocks(blocks); d != "p "+`"`+src+`"`+"\n" {
		t.Errorf("text changed: %.80s…", d)
	}
}

// BenchmarkEmphasisRuns is a paragraph of "*a_", which took 9 seconds
// for 87 KB before delimiterLimit.
func BenchmarkEmphasisRuns(b *testing.B) { benchMarkdown(b, strings.Repeat("*a_", 30000)) }

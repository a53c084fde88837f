package article

import (
	"strings"
	"testing"
)

func TestLimitEmphasisRuns(t *testing.T) {
	boldList := strings.Repeat("- **item** with *emphasis* and ~~strike~~\n", 4000)
	headings := strings.Repeat("## **a** *b*\ntext **c** _d_\n", 4000)
	quoted := strings.Repeat("> *a_ *a_\n", 10000)
	boldTable := "| a | b |\n|---|---|\n" + strings.Repeat("| **x** | _y_ |\n", 300)
	snake := strings.Repeat("call some_snake_case_name now ", 300) + "\n"
	pathological := strings.Repeat("*a_", 20000) + "\n"
	tests := []struct {
		name string
		in   string
		same bool
	}{
		{"few runs", "*a* _b_ ~~c~~\n", true},
		{"bold list", boldList, true},
		{"bold table", boldTable, true},
		{"snake case", snake, true},
		{"pathological in a fence", "```\n" + pathological + "```\n", true},
		{"pathological in code spans", strings.Repeat("`*a_` ", 20000) + "\n", true},
		{"bold headings", headings, true},
		{"pathological", pathological, false},
		{"pathological quote", quoted, false},
		{"pathological hashtags", strings.Repeat("#x *a_\n", 10000), false},
		{"pathological after text", "intro\n\n" + pathological, false},
		{"strikethrough", strings.Repeat("~a*", 20000) + "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(limitEmphasisRuns([]byte(tt.in)))
			if same := got == tt.in; same != tt.same {
				t.Errorf("unchanged = %v, want %v", same, tt.same)
			}
			if strings.ReplaceAll(got, `\`, "") != tt.in {
				t.Errorf("changed other than by escaping runs")
			}
			if i := strings.IndexByte(got, '\\'); i >= 0 {
				e := emphLimiter{src: []byte(got)}
				if n := e.runs(0, i, -1); n != emphRunCap {
					t.Errorf("%d runs kept before the first escape, want %d", n, emphRunCap)
				}
			}
		})
	}
}

// TestEmphasisRunsKeepText checks that an escaped paragraph reads as the
// text goldmark gives it unescaped: runs that never match are text.
func TestEmphasisRunsKeepText(t *testing.T) {
	src := strings.Repeat("*a_", 6000)
	if string(limitEmphasisRuns([]byte(src))) == src {
		t.Fatal("nothing escaped: the test needs a paragraph past the budget")
	}
	blocks, err := parseMarkdownBody([]byte(src), 1)
	if err != nil {
		t.Fatal(err)
	}
	if d := dumpBlocks(blocks); d != "p "+`"`+src+`"`+"\n" {
		t.Errorf("text changed: %.80s…", d)
	}
}

// BenchmarkEmphasisRuns is a paragraph of "*a_", which took 9 seconds
// for 87 KB before limitEmphasisRuns.
func BenchmarkEmphasisRuns(b *testing.B) { benchMarkdown(b, strings.Repeat("*a_", 30000)) }

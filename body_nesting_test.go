package article

import (
	"strings"
	"testing"
)

func TestLimitNesting(t *testing.T) {
	deep := func(marker string, n int) string { return strings.Repeat(marker, n) }
	tests := []struct{ name, in, want string }{
		{"normal document", "> a\n> > b\n- c\n  1. d\n", "> a\n> > b\n- c\n  1. d\n"},
		{"at the limit", deep("> ", maxDepth) + "x\n", deep("> ", maxDepth) + "x\n"},
		{"quotes past the limit", deep("> ", maxDepth+5) + "x\n", deep("> ", maxDepth) + `\` + deep("> ", 5) + "x\n"},
		{"quotes without spaces", deep(">", maxDepth+2) + "x", deep(">", maxDepth) + `\>>x`},
		{"bullets", "a\n" + deep("- ", maxDepth+1) + "x\nb\n", "a\n" + deep("- ", maxDepth) + `\- x` + "\nb\n"},
		{"ordered", deep("1. ", maxDepth+1) + "x\n", deep("1. ", maxDepth) + `1\. x` + "\n"},
		{"thematic break", deep("- ", maxDepth+10) + "\n", deep("- ", maxDepth+10) + "\n"},
		{"in a fence", "```\n" + deep("> ", maxDepth+1) + "\n```\n", "```\n" + deep("> ", maxDepth+1) + "\n```\n"},
		{"after a fence", "~~~\nx\n~~~\n" + deep("> ", maxDepth+1), "~~~\nx\n~~~\n" + deep("> ", maxDepth) + `\> `},
		{"indented code", "    " + deep("> ", maxDepth+1), "    " + deep("> ", maxDepth+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(limitNesting([]byte(tt.in))); got != tt.want {
				t.Errorf("limitNesting:\n got %q\nwant %q", shorten(got), shorten(tt.want))
			}
		})
	}
}

// shorten abbreviates the long runs of markers in a test's strings.
func shorten(s string) string {
	for _, m := range []string{"> ", "- ", "1. ", ">"} {
		s = strings.ReplaceAll(s, strings.Repeat(m, 50), "["+m+"×50]")
	}
	return s
}

// TestDeepLineKeepsText checks that the markers past the limit are kept
// as text, at the deepest block.
func TestDeepLineKeepsText(t *testing.T) {
	blocks, err := parseMarkdownBody([]byte(strings.Repeat("> ", maxDepth+3)+"x\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	checkCanonical(t, blocks)
	depth := 0
	for len(blocks) == 1 {
		q, ok := blocks[0].(*Quote)
		if !ok {
			break
		}
		depth++
		blocks = q.Blocks
	}
	if depth != maxDepth {
		t.Errorf("quotes nested %d deep, want %d", depth, maxDepth)
	}
	if d := dumpBlocks(blocks); d != `p "> > > x"`+"\n" {
		t.Errorf("innermost blocks:\n%s", d)
	}
}

// The pathological lines of goldmark's block parser, which took seconds
// before limitNesting (see body_nesting.go).
func BenchmarkDeepQuoteLine(b *testing.B)   { benchMarkdown(b, strings.Repeat("> ", 50000)+"x\n") }
func BenchmarkDeepBulletLine(b *testing.B)  { benchMarkdown(b, strings.Repeat("- ", 50000)+"x\n") }
func BenchmarkDeepOrderedLine(b *testing.B) { benchMarkdown(b, strings.Repeat("1. ", 33000)+"x\n") }

func benchMarkdown(b *testing.B, s string) {
	src := []byte(s)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := parseMarkdownBody(src, 1); err != nil {
			b.Fatal(err)
		}
	}
}

package article

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// plainCases are paragraphs at the edges of what the plain-paragraph
// transformer takes.
var plainCases = []string{
	// emphasis runs left open, which goldmark makes text
	"**风险提示：**市场有风险。\n",
	"*a **b\nc*_ d\n",
	"a** b *c\nd_ e\n",
	"*_x y_* **z\n",
	"** a *b*\n",
	"**x：**y *z* w**\n",
	"`c`** d\n[a](b)* e\n",
	// ATX headings and table cells (body_goldmark_preread.go)
	"# Plain heading\n",
	"## A **bold** and `code` [link](/x) heading ##\n",
	"# a_b *c\n",
	"#\n\n# #\n\n#   \n",
	"> # quoted *heading*\n- # item heading\n",
	"# https://example.com heading\n",
	"| a | **b** |\n|---|:-:|\n| plain ( text ! | `c` |\n| `x\\|y` | |\n",
	"before\n| a | b |\n| - | - |\n| c | d |\nafter\n",
	"| a |\n| - |\n\n| b |\n| - |\n| c | d |\n",
	"> | a | b *c |\n> | - | - |\n> | 中文 | `x` y |\n",
	"| www.example.com | <b>x</b> | a\\*b |\n|---|---|---|\n",
	"a b c\nd e f\n",
	"a  \nb\n",
	"a   \nb",
	"a \t\nb\t \n",
	"中文 段落\n第二行\n",
	"Foo\n===\n",
	"Foo\nbar\n---\n",
	"- a\n- b c\n",
	"- a\n\n- b\n",
	"> a\nb\n",
	"> a\n===\n",
	"1. a b\n   c\n",
	"a[^1]\n\n[^1]: note text\n",
	"[^1]: note\n  more\n\nx\n",
	"a | b\n--|--\nc | d\n",
	"a &amp; b\n",
	"mail me at a@b.c\n",
	"see http://x.y and www.z.w\n",
	"HTTP://X.Y\n",
	"{% raw %}\nx\n{% endraw %}\n",
	"  indented\n  lines  \n",
	"a\n\n\nb\n",
	"x\n    code?\n",
	"p\n<div>\n",
	"one\ttwo\n",
	"trailing  ",
	"é ü\n",
	"a (b) c!\nx(y! z\n",
	"(a\n!b\n",
	"wow!  \n(yes)\t\n",
	"a!(b)!\n",
	"see (www.example.com)\n",
	"(http://x.y)\n",
	"not ![an image](x)\n",
	"中文（注）(note)!\n",
	// Simple paragraphs (body_goldmark_simple.go).
	"a *b* **c** _d_ __e__ `f` [g](h) ![i](j)\n",
	"*a\nb* c **d\ne**\n",
	"**中文**，*强调*。`代码`、[链接](/x \"标题\")\n",
	"a*b*c a_b_c *a **b** c* **a *b* c**\n",
	"*a **b* c**\n",
	"**a* b*\n",
	"*a*b* c\n",
	"_a_b_ c __a__b\n",
	"[a *b* `c`](d) *[e](f)* **[g](h \"i\")**\n",
	"[a](b 'c') [d]( e ) [f]() [g](h(i)j) [k](l) m\n",
	"[a](<b>) [c](d\\e) [f](g \"h\\\"i\")\n",
	"[a *b](c)* d\n",
	"*[a* b](c)\n",
	"[a](b\nc) [d\ne](f)\n",
	"[a][b] [c] [d]: e\n",
	"[^a] ![^b] [a]\n\n[a]: /u\n",
	"- [ ] task\n- [x] done *a*\n- [a](b) c\n",
	"- [X] a\n- [\t]b\n- [\f] c\n- [y] d\n- [] e\n- [ab](c)\n- [x](y) z\n- [x]\n- [\n- [ ]\n",
	"- a\n\n  [x] b\n- [a](b)\n  [ ] c\n",
	"` a ` `  ` `` a`b `` ` `` ` ```a``\n",
	"`a\nb` c\n",
	"*a*  \n**b**\t\n`c`\n",
	"a **\n** b\n",
	"> *a*\n> **b** [c](d)\n",
	"1. *a*\n   b `c`\n",
	"*a* www.example.com http://x.y a@b.c\n",
	"[http://x.y](z) [www.a](b)\n",
	"**a**\n===\n",
	"***a*** **a***\n",
	"*(a)* (*b*) !*c*! ![d](e)!\n",
	"„*a*“ «*b*» *¡c!* *$d* *€e*\n",
	"a\u00a0*b*\u3000*c*\n",
}

// TestPlainParagraphAST checks that the plain-paragraph transformer gives
// goldmark's AST (but for the paragraphs' type) on the hand-written
// cases, every CommonMark example, the goldens and the corpus.
func TestPlainParagraphAST(t *testing.T) {
	n := 0
	check := func(name, src string) {
		if msg := comparePlain([]byte(src)); msg != "" {
			t.Errorf("%s: %q\n%s", name, src, msg)
		}
		n++
	}
	for i, s := range plainCases {
		check(fmt.Sprintf("plain case %d", i), s)
	}
	for _, in := range goldmarkTestInputs(t) {
		check(in.name, in.src)
	}
	t.Logf("%d inputs", n)
}

// FuzzPlainParagraph is TestPlainParagraphAST on arbitrary input.
func FuzzPlainParagraph(f *testing.F) {
	for _, s := range plainCases {
		f.Add([]byte(s))
	}
	for _, in := range goldmarkTestInputs(f) {
		f.Add([]byte(in.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if msg := comparePlain(src); msg != "" {
			t.Fatalf("%q\n%s", src, msg)
		}
	})
}

// comparePlain parses src with and without the transformer and describes
// the first difference, or returns "": in goldmark's AST, and in the
// blocks the body reader makes of it (plainInlines reads a plain
// paragraph's lines directly), positions and line tables included.
func comparePlain(src []byte) string {
	body := fenceHighlights(limitLinkScans(limitNesting(normalizeNewlines(src))))
	convert := func(md goldmark.Markdown) []Block {
		c := &mdConverter{src: body, lines: newLineIndex(body, 1)}
		return c.convertDoc(md.Parser().Parse(text.NewReader(body), parser.WithContext(parser.NewContext())))
	}
	if want, got := convert(markdown), convert(fastMarkdown); !reflect.DeepEqual(want, got) {
		return fmt.Sprintf("the body reader differs:\nwant %s\ngot  %s", dumpBlocks(want), dumpBlocks(got))
	}
	want := plainDump(markdown, src)
	got := plainDump(fastMarkdown, src)
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("want %d lines, got %d", len(w), len(g))
}

// plainDump writes the AST md makes of src, one node a line, paragraphs,
// text blocks and plain paragraphs alike as "P".
func plainDump(md goldmark.Markdown, src []byte) string {
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		buildReadAhead(n, src)
		kind := n.Kind().String()
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *plainParagraph, *simpleParagraph:
			kind = "P"
		case *ast.Emphasis:
			kind += fmt.Sprint(n.Level)
		case *ast.Link:
			kind += fmt.Sprintf(" %q %q", n.Destination, n.Title)
		case *ast.Image:
			kind += fmt.Sprintf(" %q %q", n.Destination, n.Title)
		}
		fmt.Fprintf(&b, "%s%s", strings.Repeat(" ", depth), kind)
		if n.Type() == ast.TypeBlock {
			if kind != "P" || !inTightList(n) {
				// (goldmark makes a tight list's paragraphs new text
				// blocks, without the flag; a plainParagraph keeps it,
				// and nothing reads it after parsing.)
				fmt.Fprintf(&b, " blank=%v", n.HasBlankPreviousLines())
			}
			b.WriteString(" lines=")
			for i := range n.Lines().Len() {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, "[%d,%d,%d]", s.Start, s.Stop, s.Padding)
			}
		}
		if t, ok := n.(*ast.Text); ok {
			s := t.Segment
			fmt.Fprintf(&b, " [%d,%d,%d] soft=%v hard=%v raw=%v", s.Start, s.Stop, s.Padding, t.SoftLineBreak(), t.HardLineBreak(), t.IsRaw())
		}
		b.WriteByte('\n')
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return b.String()
}

// inTightList reports whether n is a block of an item of a tight list.
func inTightList(n ast.Node) bool {
	item := n.Parent()
	if _, ok := item.(*ast.ListItem); !ok {
		return false
	}
	l, ok := item.Parent().(*ast.List)
	return ok && l.IsTight
}

// TestSimpleParagraphGenerated runs comparePlain on paragraphs made at
// random from the bytes simple paragraphs are about (emphasis runs, link
// brackets, code spans, spaces, punctuation, CJK), where the delimiter
// rules are easiest to get wrong.
func TestSimpleParagraphGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b strings.Builder
		genInline(&b, rng, 0, false)
		if msg := comparePlain([]byte(b.String())); msg != "" {
			t.Fatalf("%q\n%s", b.String(), msg)
		}
	}
}

// genInline writes a run of inlines for TestSimpleParagraphGenerated:
// words, CJK and punctuation, with emphases, links and code spans nested
// in them, and now and then a stray delimiter or bracket or a mismatched
// closer.
func genInline(b *strings.Builder, rng *rand.Rand, depth int, inLink bool) {
	words := []string{"a", "bc", "中文", "1", "é", "x.", "(y)", "，", "“z”", "'q'", "-"}
	seps := []string{" ", " ", " ", "", "\n", "  \n", "\t", "，", "."}
	delims := []string{"*", "**", "_", "__"}
	for i := range 1 + rng.IntN(3) {
		if i > 0 {
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		switch k := rng.IntN(14); {
		case k < 5 || depth > 2:
			b.WriteString(words[rng.IntN(len(words))])
		case k < 9:
			d := delims[rng.IntN(4)]
			b.WriteString(d)
			genInline(b, rng, depth+1, inLink)
			if rng.IntN(10) == 0 {
				d = delims[rng.IntN(4)]
			}
			b.WriteString(d)
		case k < 12 && !inLink:
			if rng.IntN(3) == 0 {
				b.WriteString("!")
			}
			b.WriteString("[")
			genInline(b, rng, depth+1, true)
			b.WriteString([]string{"](x)", "](y \"t\")", "]( z )", "]()", "](a(b))", "](x 't')", "]", "] (x)"}[rng.IntN(8)])
		case k < 13 && k >= 12:
			b.WriteString([]string{"`c`", "` c `", "``a`b``", "`", "`x"}[rng.IntN(5)])
		default:
			b.WriteString([]string{"*", "_", "[", "]", "**", "!"}[rng.IntN(6)])
		}
	}
}

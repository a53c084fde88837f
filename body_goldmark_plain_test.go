package article

import (
	"fmt"
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
		if p, ok := n.(*plainParagraph); ok {
			p.build(src)
		}
		kind := n.Kind().String()
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *plainParagraph:
			kind = "P"
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

package article

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Headings and table cells are one line each, and most are plain text or
// simple (body_goldmark_plain.go, body_goldmark_simple.go): in the corpus
// 521 of 564 ATX headings and 764 of 1 176 cells are plain. As for
// paragraphs, the fast parser reads those with the plain test or
// scanSimple when goldmark closes the block, and marks the block raw so
// that goldmark's inline pass skips it. The AST is goldmark's but for the
// block's type, once its build method has made its children, and the body
// reader's blocks are the same (TestPlainParagraphAST and
// FuzzPlainParagraph compare both).

// A prereadHeading is an ATX heading whose inlines were read before
// goldmark's inline pass: plain text when toks is nil, else the tokens
// of scanSimple.
type prereadHeading struct {
	ast.Heading
	toks []inlineTok
}

// IsRaw tells goldmark not to parse the heading's inlines.
func (*prereadHeading) IsRaw() bool { return true }

// A prereadCell is a table cell read as a prereadHeading is.
type prereadCell struct {
	east.TableCell
	toks []inlineTok
}

// IsRaw tells goldmark not to parse the cell's inlines.
func (*prereadCell) IsRaw() bool { return true }

// preread reads a one-line block's inlines: plain (toks nil) or simple,
// or neither (ok false), when goldmark's inline pass must read them. An
// empty line is left to goldmark, which makes no text node of it, and so
// is a cell with an escaped pipe, which goldmark's table AST transformer
// takes out of code spans.
func preread(pc parser.Context, src []byte, lines *text.Segments, cell bool) (toks []inlineTok, ok bool) {
	if lines.Len() != 1 {
		return nil, false
	}
	seg := lines.At(0)
	if seg.Padding != 0 || seg.IsEmpty() {
		return nil, false
	}
	v := seg.Value(src)
	if cell && bytes.Contains(v, []byte(`\|`)) {
		return nil, false
	}
	if isPlain(v) {
		return nil, true
	}
	return scanSimple(slabOf(pc), src, lines, false)
}

// prereadHeadingParser is goldmark's ATX heading parser; when it closes
// a heading that preread can read, the heading becomes a prereadHeading.
type prereadHeadingParser struct{ parser.BlockParser }

// Close closes the heading as goldmark does, then swaps it.
func (p prereadHeadingParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(node, reader, pc)
	h, ok := node.(*ast.Heading)
	if !ok || h.Parent() == nil {
		return
	}
	toks, ok := preread(pc, reader.Source(), h.Lines(), false)
	if !ok {
		return
	}
	r := &prereadHeading{toks: toks}
	r.Level = h.Level
	swapBlock(h, r)
}

// prereadTable is goldmark's table transformer; the cells of the tables
// it makes that preread can read become prereadCells.
type prereadTable struct{ stock parser.ParagraphTransformer }

// Transform runs goldmark's transformer, then swaps the cells of the
// tables it put where node was. (It keeps what is left of node, the
// lines before a table, and inserts each table after it.)
func (t prereadTable) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	parent, prev, next := node.Parent(), node.PreviousSibling(), node.NextSibling()
	t.stock.Transform(node, reader, pc)
	if parent == nil {
		return
	}
	var n ast.Node
	switch {
	case node.Parent() != nil:
		n = node.NextSibling()
	case prev != nil:
		n = prev.NextSibling()
	default:
		n = parent.FirstChild()
	}
	for ; n != nil && n != next; n = n.NextSibling() {
		if table, ok := n.(*east.Table); ok {
			prereadCells(table, reader.Source(), pc)
		}
	}
}

// prereadCells swaps the cells of table that preread can read.
func prereadCells(table *east.Table, src []byte, pc parser.Context) {
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; {
			next := cell.NextSibling()
			c, ok := cell.(*east.TableCell)
			if !ok {
				cell = next
				continue
			}
			if toks, ok := preread(pc, src, c.Lines(), true); ok {
				r := &prereadCell{toks: toks}
				r.Alignment = c.Alignment
				swapBlock(c, r)
			}
			cell = next
		}
	}
}

// build makes the heading's children, once, for the readers that walk
// them (the HTML builder, the tests).
func (h *prereadHeading) build(src []byte) { buildInlinesOf(h, src, h.toks) }

// build makes the cell's children, once, for the tests.
func (c *prereadCell) build(src []byte) { buildInlinesOf(c, src, c.toks) }

// buildInlinesOf makes block's children from what preread read: text
// nodes of its line when toks is nil, else the nodes of toks.
func buildInlinesOf(block ast.Node, src []byte, toks []inlineTok) {
	if toks == nil {
		buildPlain(block, src)
	} else {
		buildSimple(block, src, toks)
	}
}

// prereadInlines converts what preread read of lines, as appendInlines
// converts the nodes build makes, without making them.
func (c *mdConverter) prereadInlines(lines *text.Segments, toks []inlineTok) []Inline {
	if toks == nil {
		return c.plainInlines(lines)
	}
	return c.simpleInlines(toks)
}

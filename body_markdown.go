package article

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// An mdConverter walks goldmark's AST into blocks.
type mdConverter struct {
	src []byte
	// str is src as a string (see source).
	str   string
	lines *lineIndex
	// fnLabels maps a footnote's index to its label.
	fnLabels map[int]string
	// texts is a slab the converter's Texts are cut from: one allocation
	// for many small objects that live exactly as long as the Article.
	texts []Text
	// pieces is scratch space for appendTextRun.
	pieces []textPiece
}

// source returns the body as a string, made on first use, of which texts
// are substrings.
func (c *mdConverter) source() string {
	if c.str == "" {
		c.str = string(c.src)
	}
	return c.str
}

// newText returns a new Text from the slab.
func (c *mdConverter) newText(s string, pos Pos, lines []textLine) *Text {
	if len(c.texts) == cap(c.texts) {
		c.texts = make([]Text, 0, min(2*cap(c.texts)+8, 128))
	}
	c.texts = append(c.texts, Text{Text: s, Pos: pos, lines: lines})
	return &c.texts[len(c.texts)-1]
}

func (c *mdConverter) convert() []Block {
	return c.convertDoc(parseGoldmark(c.src))
}

// convertDoc converts goldmark's AST of c.src.
func (c *mdConverter) convertDoc(doc ast.Node) []Block {
	c.fnLabels = map[int]string{}
	var footnotes []Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				if f, ok := f.(*east.Footnote); ok {
					c.fnLabels[f.Index] = string(f.Ref)
				}
			}
		}
	}
	var out []Block
	if doc.HasChildren() {
		out = make([]Block, 0, doc.ChildCount())
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				if f, ok := f.(*east.Footnote); ok {
					footnotes = append(footnotes, &Footnote{Label: string(f.Ref), Blocks: c.blocks(f, 1)})
				}
			}
			continue
		}
		if bs, next, ok := c.figureRun(n); ok {
			out = append(out, bs...)
			n = prevOf(next, doc)
			continue
		}
		out = c.appendBlock(out, n, 0)
	}
	return append(out, footnotes...)
}

// blocks converts parent's children. Most convert to one block each:
// sizing the slice for them spares append's doublings.
func (c *mdConverter) blocks(parent ast.Node, depth int) []Block {
	if !parent.HasChildren() {
		return nil
	}
	out := c.appendBlocks(make([]Block, 0, parent.ChildCount()), parent, depth)
	if len(out) == 0 {
		return nil // as append would leave it
	}
	return out
}

// appendBlocks appends the blocks of parent's children to out.
func (c *mdConverter) appendBlocks(out []Block, parent ast.Node, depth int) []Block {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if bs, next, ok := c.figureRun(n); ok {
			out = append(out, bs...)
			n = prevOf(next, parent)
			continue
		}
		out = c.appendBlock(out, n, depth)
	}
	return out
}

// prevOf returns the sibling before next (the last child of parent when
// next is nil), so that a loop's n = n.NextSibling() lands on next.
func prevOf(next, parent ast.Node) ast.Node {
	if next == nil {
		return parent.LastChild()
	}
	return next.PreviousSibling()
}

// appendBlock appends the blocks n converts to.
func (c *mdConverter) appendBlock(out []Block, n ast.Node, depth int) []Block {
	switch n := n.(type) {
	case *plainParagraph:
		if b := c.liquidBlock(n); b != nil {
			return append(out, b)
		}
		if p := paragraphOf(c.plainInlines(n.Lines()), false); p != nil {
			return append(out, p)
		}
		return out
	case *simpleParagraph:
		if b := c.liquidBlock(n); b != nil {
			return append(out, b)
		}
		if p := paragraphOf(c.simpleInlines(n.toks), false); p != nil {
			return append(out, p)
		}
		return out
	case *ast.Paragraph, *ast.TextBlock:
		if b := c.liquidBlock(n); b != nil {
			return append(out, b)
		}
		if c.hasRawHTML(n) {
			b := c.feedInlines(n)
			return append(out, b.blocks()...)
		}
		if p := paragraphOf(c.inlines(n, depth), false); p != nil {
			return append(out, p)
		}
		return out
	case *prereadHeading:
		return append(out, &Heading{Level: n.Level, Text: finishInlines(c.prereadInlines(n.Lines(), n.toks), false)})
	case *ast.Heading:
		var in []Inline
		if c.hasRawHTML(n) {
			in = c.feedInlines(n).inlines()
		} else {
			in = finishInlines(c.inlines(n, depth), false)
		}
		return append(out, &Heading{Level: n.Level, Text: in})
	case *ast.ThematicBreak:
		return append(out, &Rule{})
	case *ast.CodeBlock:
		return append(out, &Code{Text: c.linesText(n.Lines())})
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = unescapeMarkdown(n.Language(c.src))
		}
		return append(out, &Code{Language: lang, Text: c.linesText(n.Lines())})
	case *ast.Blockquote:
		if depth >= maxDepth {
			return c.appendBlocks(out, n, depth)
		}
		return append(out, &Quote{Blocks: c.blocks(n, depth+1)})
	case *ast.List:
		if depth >= maxDepth {
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				out = c.appendBlocks(out, it, depth)
			}
			return out
		}
		l := &List{Ordered: n.IsOrdered(), Loose: !n.IsTight, Items: make([]*ListItem, 0, n.ChildCount())}
		if l.Ordered {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			item := &ListItem{Task: taskOf(it), Blocks: c.blocks(it, depth+1)}
			// Raw HTML in a tight item can split it into blocks that
			// Markdown cannot write without a blank line between them.
			for i := 1; i < len(item.Blocks); i++ {
				if needsBlankLine(item.Blocks[i-1], item.Blocks[i]) {
					l.Loose = true
				}
			}
			l.Items = append(l.Items, item)
		}
		return append(out, l)
	case *ast.HTMLBlock:
		return append(out, c.htmlBlock(n)...)
	case *east.Table:
		return append(out, c.table(n))
	}
	return c.appendBlocks(out, n, depth)
}

// taskOf returns the state of a GFM task-list item's box, or nil.
func taskOf(item ast.Node) *bool {
	first := item.FirstChild()
	if first == nil {
		return nil
	}
	if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
		checked := box.IsChecked
		return &checked
	}
	return nil
}

// linesText is the text of a code block: its lines, ending in a newline.
func (c *mdConverter) linesText(lines *text.Segments) string {
	var b bytes.Buffer
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteByte('\n')
	}
	return b.String()
}

func (c *mdConverter) table(n *east.Table) Block {
	t := &Table{Align: make([]Align, len(n.Alignments))}
	if rows := n.ChildCount() - 1; rows > 0 {
		t.Rows = make([][]Cell, 0, rows)
	}
	for i, a := range n.Alignments {
		t.Align[i] = mdAlign(a)
	}
	cells := func(row ast.Node) []Cell {
		out := make([]Cell, 0, max(row.ChildCount(), len(t.Align)))
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			var in []Inline
			if p, ok := cell.(*prereadCell); ok {
				in = finishInlines(c.prereadInlines(p.Lines(), p.toks), false)
			} else if c.hasRawHTML(cell) {
				in = c.feedInlines(cell).inlines()
			} else {
				in = finishInlines(c.inlines(cell, 0), false)
			}
			out = append(out, Cell{Text: in})
		}
		for len(out) < len(t.Align) {
			out = append(out, Cell{})
		}
		return out
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		switch row.(type) {
		case *east.TableHeader:
			t.Header = cells(row)
		case *east.TableRow:
			t.Rows = append(t.Rows, cells(row))
		}
	}
	return t
}

func mdAlign(a east.Alignment) Align {
	switch a {
	case east.AlignLeft:
		return AlignLeft
	case east.AlignCenter:
		return AlignCenter
	case east.AlignRight:
		return AlignRight
	}
	return AlignNone
}

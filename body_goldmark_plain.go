package article

import (
	"bytes"
	"encoding/binary"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark reads a paragraph's inlines byte by byte, calling its inline
// parsers at every punctuation mark that triggers one and at every space
// (where linkify looks for a URL). Most of the paragraphs of a news body
// hold none of those marks and no URL, and for them the result is known
// in advance: text segments only, split where goldmark splits them. The
// plain-paragraph transformer marks such a paragraph raw, so that goldmark
// skips its inline pass there; the body reader reads its lines directly
// (plainInlines), and build makes the text nodes for the readers that walk
// children. The AST is the same but for the paragraph's type, and so are
// the blocks (TestPlainParagraphAST and FuzzPlainParagraph compare both).

// A plainParagraph is an ast.Paragraph whose inlines goldmark does not
// parse: build makes them.
type plainParagraph struct {
	ast.Paragraph
}

// IsRaw tells goldmark not to parse the paragraph's inlines.
func (*plainParagraph) IsRaw() bool { return true }

// plainTransformer turns plain paragraphs into plainParagraphs, and the
// simple ones (body_goldmark_simple.go) into simpleParagraphs. It runs
// after the table and link reference transformers.
type plainTransformer struct{}

// plainBytes marks the bytes a plain paragraph may hold: everything but
// the punctuation that triggers one of our inline parsers and may match
// (code spans, emphasis, strikethrough, links, footnotes, task boxes, raw
// HTML and autolinks), the backslash (escapes and hard breaks), '@'
// (e-mail addresses) and the controls goldmark treats specially. '(' and
// '!' may stay: they trigger linkify and images, which match nothing
// without a URL or a '[' (which isPlain rules out), so there goldmark
// only splits the text (see plainLine).
var plainBytes = func() (t [256]bool) {
	for i := range t {
		t[i] = true
	}
	for _, c := range []byte("\\`*_~[]<@\r\x00") {
		t[c] = false
	}
	return t
}()

// splitsText reports whether goldmark's inline pass, reading a plain
// line, ends the text so far at c: spaces and tabs (linkify's trigger),
// '(' (linkify's too) and '!' (the image opener's).
func splitsText(c byte) bool { return c == ' ' || c == '\t' || c == '(' || c == '!' }

// Transform replaces node with a plainParagraph when it is plain, or
// with a simpleParagraph when scanSimple takes it.
func (plainTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := node.Lines()
	n := lines.Len()
	if n == 0 {
		return
	}
	if _, ok := node.Parent().(*east.Footnote); ok {
		return // goldmark puts the backlink into a footnote's last paragraph
	}
	if line, _ := reader.PeekLine(); isSetextBar(line) {
		// A setext heading is asking whether its paragraph is still a
		// paragraph; it must stay one.
		return
	}
	plain := true
	for i := range n {
		seg := lines.At(i)
		if seg.Padding != 0 {
			return
		}
		if !isPlain(src[seg.Start:seg.Stop]) {
			plain = false
			break
		}
	}
	trimParagraphLines(lines, src)
	if plain {
		swapBlock(node, &plainParagraph{})
		return
	}
	_, inItem := node.Parent().(*ast.ListItem)
	if toks, ok := scanSimple(slabOf(pc), src, lines, inItem); ok {
		swapBlock(node, &simpleParagraph{toks: toks})
	}
}

// trimParagraphLines does what paragraphParser.Close would do, since a
// replaced paragraph is not closed: trim each line's leading spaces and
// the last line's trailing ones. (Close does it again to a paragraph left
// to it, to the same effect.)
func trimParagraphLines(lines *text.Segments, src []byte) {
	n := lines.Len()
	for i := range n {
		seg := lines.At(i)
		seg = seg.TrimLeftSpace(src)
		if i == n-1 {
			seg = seg.TrimRightSpace(src)
		}
		lines.Set(i, seg)
	}
}

// swapBlock puts r, a block of ours (a paragraph, heading or cell whose
// inlines were read ahead), in node's place with node's position, lines
// and blank-line flag.
func swapBlock(node, r ast.Node) {
	r.SetPos(node.Pos())
	r.SetLines(node.Lines())
	r.SetBlankPreviousLines(node.HasBlankPreviousLines())
	node.Parent().ReplaceChild(node.Parent(), node, r)
}

// rawParagraphs makes every paragraph a plainParagraph, for blockParser:
// its readers want only code and HTML blocks, and goldmark's inline pass,
// which runs with no inline parsers too, then skips paragraph text. To
// goldmark's block parsers the paragraph is still one (its Kind), as for
// plainTransformer; TestCodeLinesBlockParse holds the result to a full
// parse's.
type rawParagraphs struct{}

func (rawParagraphs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if node.Lines().Len() == 0 {
		return
	}
	if line, _ := reader.PeekLine(); isSetextBar(line) {
		return // as in plainTransformer
	}
	trimParagraphLines(node.Lines(), reader.Source())
	swapBlock(node, &plainParagraph{})
}

// buildReadAhead makes the children of a block whose inlines were read
// ahead of goldmark's inline pass (plain and simple paragraphs, preread
// headings and cells); other blocks have theirs.
func buildReadAhead(n ast.Node, src []byte) {
	if b, ok := n.(interface{ build(src []byte) }); ok {
		b.build(src)
	}
}

// build makes the paragraph's text nodes, once, for the readers that
// walk a paragraph's children (the HTML builder, the tests). It is not
// done in Transform, because goldmark then walks the children of every
// block, and would take text nodes for blocks.
func (p *plainParagraph) build(src []byte) { buildPlain(p, src) }

// buildPlain makes the text nodes of a plain block's lines under it,
// unless it has children already.
func buildPlain(block ast.Node, src []byte) {
	if block.HasChildren() {
		return
	}
	var ps []textPiece
	lines := block.Lines()
	for i := range lines.Len() {
		ps = plainLine(ps, src, lines.At(i))
	}
	for _, piece := range ps {
		t := ast.NewTextSegment(piece.seg)
		t.SetSoftLineBreak(piece.soft)
		t.SetHardLineBreak(piece.hard)
		block.AppendChild(block, t)
	}
}

// plainInlines converts a plain block's text, as appendInlines would
// convert the text nodes buildPlain makes, without making them.
func (c *mdConverter) plainInlines(lines *text.Segments) []Inline {
	ps := c.pieces[:0]
	for i := range lines.Len() {
		ps = plainLine(ps, c.src, lines.At(i))
	}
	c.pieces = ps
	return c.appendPieces(nil, ps)
}

// isSetextBar reports whether line could underline a setext heading: up
// to three spaces, a run of = or -, trailing blanks.
func isSetextBar(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i == len(line) || (line[i] != '=' && line[i] != '-') {
		return false
	}
	c := line[i]
	for i < len(line) && line[i] == c {
		i++
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r') {
		i++
	}
	return i == len(line)
}

// isPlain reports whether a line holds only plain bytes and no URL.
func isPlain(v []byte) bool {
	for i := 0; i < len(v); {
		c := v[i]
		if c >= 0x80 {
			// CJK text: skip eight bytes at once where it can. (Trying
			// that at every ASCII byte cost more than it saved.)
			if multibyte8(v, i) {
				i += 8
			} else {
				i++
			}
			continue
		}
		if !plainBytes[c] || urlAt(v, i) {
			return false
		}
		i++
	}
	return true
}

// urlAt reports whether v[i] is where linkify may see a URL: the ':' of
// "://" or the start of "www.", in either case.
func urlAt(v []byte, i int) bool {
	// The byte test is inlined into the scans; the rest is rarely called.
	c := v[i]
	return (c == ':' || c|0x20 == 'w') && urlStartsAt(v, i)
}

func urlStartsAt(v []byte, i int) bool {
	if v[i] == ':' {
		return bytes.HasPrefix(v[i+1:], []byte("//"))
	}
	return i+4 <= len(v) && bytes.EqualFold(v[i:i+4], []byte("www."))
}

// multibyte8 reports whether v[i:i+8] are eight bytes of multi-byte
// characters (CJK text), which a scan for ASCII marks may skip at once.
func multibyte8(v []byte, i int) bool {
	return i+8 <= len(v) && binary.LittleEndian.Uint64(v[i:])&0x8080808080808080 == 0x8080808080808080
}

// plainLine appends the text segments goldmark's inline pass makes of
// one plain line: at each byte after the first where it calls an inline
// parser (splitsText) it ends the text so far, merging it into the text
// before (MergeOrAppendTextSegment), so that the line up to the last such
// byte is one text; the rest of the line, trimmed, is a text of its own
// that carries the line break.
func plainLine(ps []textPiece, src []byte, seg text.Segment) []textPiece {
	line := src[seg.Start:seg.Stop]
	end := len(line)
	var soft, hard bool
	if end > 0 && line[end-1] == '\n' {
		if end >= 3 && line[end-3] == ' ' && line[end-2] == ' ' {
			end -= 3
			hard = true
		} else {
			end-- // the newline, where goldmark's scan stops
			soft = true
		}
	}
	last := 0 // the last split after the first byte
	for i := end - 1; i >= 1; i-- {
		if splitsText(line[i]) {
			last = i
			break
		}
	}
	if last > 0 {
		ps = append(ps, textPiece{seg: text.NewSegment(seg.Start, seg.Start+last)})
	}
	rest := text.NewSegment(seg.Start+last, seg.Start+end)
	return append(ps, textPiece{seg: rest.TrimRightSpace(src), soft: soft, hard: hard})
}

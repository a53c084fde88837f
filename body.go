package article

import (
	"bytes"
	"sort"
	"unicode"
)

// The body parsers produce blocks in a canonical form, which the Markdown
// renderer relies on so that Parse(render.Markdown(a)) equals a:
//
//   - Adjacent texts are merged, and so are adjacent code spans and
//     adjacent emphases of one kind (Emphasis, Strong, Strike); no Text
//     or CodeSpan is empty; no Emphasis, Strong or Strike is empty, and
//     no Strike is directly inside a Strike (GFM cannot write it), but an
//     Emphasis may hold an Emphasis and a Strong a Strong (*a *b* c*);
//     empty paragraphs are dropped.
//   - A Text never holds '\n'. A line break inside a paragraph (a
//     Markdown soft break; in HTML, a run of whitespace holding a newline)
//     becomes one space, or nothing when the characters on both sides,
//     across inline elements, are CJK (see isCJKBreak). In HTML every run
//     of ASCII whitespace becomes one space, also across inline elements;
//     U+00A0 and U+3000 are not whitespace. Markdown text keeps its spaces.
//   - The text of a paragraph, heading, cell or caption has no leading or
//     trailing ASCII space and no LineBreak at either end; spaces next to
//     a LineBreak are dropped; spaces at the edges of an Emphasis, Strong
//     or Strike are moved outside it. Links keep their text as written.
//   - Code.Text ends in "\n" unless empty. Tight list items hold
//     paragraphs too; List.Loose is goldmark's !IsTight, or for HTML
//     whether an item holds a <p> or two paragraphs in a row. Start is 0
//     for bullet lists.
//   - Entities are decoded in text and in href, src, alt and title; alt
//     and title have their whitespace collapsed and trimmed; URLs lose
//     tabs, newlines and leading and trailing spaces and controls.
//   - Liquid tags and Hugo shortcodes are text, exactly as written,
//     except for whole Liquid blocks on lines of their own: a
//     {% highlight LANG %} block is a Code of Language LANG (its options
//     dropped), and another multi-line block that goldmark reads as one
//     paragraph is a Code of Language "liquid" (see body_liquid.go).
//   - Text.Pos is the position of the text's first non-space byte in the
//     file, when known.

// maxDepth bounds how deeply body blocks and inlines may nest. Deeper
// markup is flattened (its elements unwrapped, its text kept), so that no
// input is rejected for depth and the work stays linear in the input.
const maxDepth = 256

// parseMarkdownBody reads a CommonMark + GFM body into blocks. firstLine is
// the line of the whole file on which src begins (1 for a file with no
// front matter), so that positions are in file coordinates.
//
// Raw HTML in the Markdown (HTML blocks, and paragraphs, headings or
// table cells holding inline HTML) goes through the same conversion as an
// HTML body; see body_html.go.
func parseMarkdownBody(src []byte, firstLine int) ([]Block, error) {
	return markdownBody(src, firstLine, nil)
}

// markdownBody is parseMarkdownBody given, in lines, the line index of
// src as it is (nil to make one); the index is used only if no
// preparation pass changes src.
func markdownBody(src []byte, firstLine int, lines *lineIndex) ([]Block, error) {
	in := src
	src = normalizeNewlines(src)
	limited := limitLinkScans(limitNesting(src))
	var inserted []int
	if len(limited) != len(src) {
		inserted = insertedBytes(src, limited)
	}
	src = fenceHighlights(limited)
	lines = bodyLines(lines, in, src, firstLine)
	if inserted != nil { // src is new then, and so is its index
		lines.inserted = inserted
	}
	c := &mdConverter{src: src, lines: lines}
	return c.convert(), nil
}

// parseHTMLBody reads an HTML body (a fragment, or a whole document) into
// blocks. firstLine is as for parseMarkdownBody.
func parseHTMLBody(src []byte, firstLine int) ([]Block, error) {
	return htmlBody(src, firstLine, nil)
}

// htmlBody is parseHTMLBody given, in lines, the line index of the body
// as it is (nil to make one), used, as markdownBody uses it, only if
// normalizeNewlines leaves src as it is.
func htmlBody(src []byte, firstLine int, lines *lineIndex) ([]Block, error) {
	in := src
	src = normalizeNewlines(src)
	b := newHTMLBuilder(bodyLines(lines, in, src, firstLine))
	b.feedHTML(src, identityMap(0))
	return b.blocks(), nil
}

// bodyLines returns lines, the index of the body as given (in), while
// the preparation passes have left src those very bytes, and otherwise
// (or when lines is nil) a new index of src.
func bodyLines(lines *lineIndex, in, src []byte, firstLine int) *lineIndex {
	if lines == nil || len(src) != len(in) || len(src) > 0 && &src[0] != &in[0] {
		return newLineIndex(src, firstLine)
	}
	return lines
}

// normalizeNewlines turns CRLF and lone CR into LF. Dropping the CR at the
// end of a line changes no line number and no column before it, so
// positions computed on the result are positions in the original file.
func normalizeNewlines(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// A lineIndex turns byte offsets of the body into positions in the file.
type lineIndex struct {
	starts    []int // offset of the first byte of each line, plus base
	firstLine int
	base      int // what to add to an offset of the body
	// last is the line of the previous lookup: the converters ask for
	// offsets mostly in order, so most lookups start there.
	last int
	// inserted holds the offsets of the bytes the limiting passes
	// inserted (backslashes, in order), which the file does not have:
	// a column counts none before it on its line.
	inserted []int
}

// insertedBytes returns the offsets in out of the bytes inserted into in
// to make it. The limiting passes insert only backslashes, and never
// before a backslash, so a byte of out that differs from the next of in
// is one of them.
func insertedBytes(in, out []byte) []int {
	var ins []int
	i := 0
	for j := range out {
		if i < len(in) && in[i] == out[j] {
			i++
			continue
		}
		ins = append(ins, j)
	}
	return ins
}

func newLineIndex(src []byte, firstLine int) *lineIndex {
	if firstLine < 1 {
		firstLine = 1
	}
	return &lineIndex{starts: lineStarts(src), firstLine: firstLine}
}

// pos returns the position of offset off, or the zero Pos when off is
// negative (unknown).
func (x *lineIndex) pos(off int) Pos {
	if x == nil || off < 0 {
		return Pos{}
	}
	off += x.base
	i := x.last
	switch {
	case off >= x.starts[i] && (i+1 == len(x.starts) || off < x.starts[i+1]):
	case i+2 <= len(x.starts)-1 && off >= x.starts[i+1] && off < x.starts[i+2]:
		i++
	default:
		i = sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
		if i < 0 {
			i = 0
		}
	}
	x.last = i
	col := off - x.starts[i] + 1
	if len(x.inserted) > 0 {
		col -= sort.SearchInts(x.inserted, off) - sort.SearchInts(x.inserted, x.starts[i])
	}
	return Pos{Line: x.firstLine + i, Col: col}
}

// isCJKBreak reports whether r is a Han, Hiragana, Katakana, Hangul or Bopomofo
// letter, CJK punctuation or a full-width form: the characters between
// which a line break is joined without a space.
func isCJKBreak(r rune) bool {
	switch {
	case r < 0x2e80:
		return false
	case r >= 0x3000 && r <= 0x303f, // CJK symbols and punctuation
		r >= 0xff00 && r <= 0xffef, // half-width and full-width forms
		r >= 0xfe30 && r <= 0xfe4f, // CJK compatibility forms
		r >= 0x31c0 && r <= 0x31ef: // CJK strokes
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// isSpace reports ASCII whitespace, the only whitespace HTML collapses.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

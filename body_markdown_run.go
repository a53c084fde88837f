package article

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// goldmark splits a paragraph's text into many ast.Text nodes: one per
// source line and one more at every character that might have opened an
// inline ('[', '*', '`', …). Turned into one Text each, they cost an
// allocation apiece, a position lookup apiece and a copy when
// canonicalization joins them again. appendTextRun joins a run of
// adjacent ast.Text siblings as it reads them, giving what
// resolveBreaks and canonRun would have made of the pieces: soft line
// breaks it can decide (the characters on both sides are in the run)
// become a space or nothing, and pieces that follow each other in the
// source stay one substring of it.

// A textRun gathers the joined text of adjacent ast.Text nodes.
type textRun struct {
	// While the run is one span of the source, it is c.source()[start:stop]
	// and buf is unused; joined pieces that are not contiguous are copied
	// into buf.
	start, stop int
	inBuf       bool
	buf         []byte
	pos         Pos // of the first non-empty piece
	lines       []textLine
	size        int // bytes joined so far
	last        rune
}

// A textPiece is what a run reads of one goldmark text node: its
// segment, whether it is raw, and the line break after it.
type textPiece struct {
	seg        text.Segment
	raw        bool
	soft, hard bool
}

// appendTextRun appends the text of first and of the ast.Text siblings
// after it, and returns the first sibling it did not read.
func (c *mdConverter) appendTextRun(out []Inline, first *ast.Text) ([]Inline, ast.Node) {
	ps := c.pieces[:0]
	n := ast.Node(first)
	for n != nil {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		ps = append(ps, textPiece{t.Segment, t.IsRaw(), t.SoftLineBreak(), t.HardLineBreak()})
		n = n.NextSibling()
	}
	c.pieces = ps
	return c.appendPieces(out, ps), n
}

// appendPieces appends the text of a run of text pieces, after which
// comes no text.
func (c *mdConverter) appendPieces(out []Inline, ps []textPiece) []Inline {
	str := c.source()
	var r textRun
	flush := func() {
		if r.size == 0 {
			return
		}
		s := str[r.start:r.stop]
		if r.inBuf {
			s = string(r.buf)
		}
		out = append(out, c.newText(s, r.pos, r.lines))
		r = textRun{buf: r.buf[:0]}
	}
	for i, t := range ps {
		s, substring, brk := c.segmentString(t)
		if len(s) > 0 {
			if brk {
				// Leave text that holds a line break of its own to
				// resolveBreaks.
				flush()
				pos := c.lines.pos(textPos(c.src, t.seg))
				lines := c.appendStartLine(nil, s, t.seg, pos)
				if !substring && t.seg.Padding == 0 {
					lines = c.appendEscapeLines(lines, 0, t.seg)
				}
				out = append(out, &Text{Text: breaksOf(s), Pos: pos, lines: lines})
			} else {
				c.addPiece(&r, s, substring, t.seg)
			}
		}
		switch {
		case t.hard:
			flush()
			out = append(out, &LineBreak{})
		case t.soft:
			if i+1 == len(ps) || r.size == 0 || ps[i+1].seg.IsEmpty() {
				// A character on one side is outside the run.
				flush()
				out = append(out, &Text{Text: breakMark})
				continue
			}
			ns, _, nbrk := c.segmentString(ps[i+1])
			nr, _ := utf8.DecodeRuneInString(ns)
			if ns == "" || nbrk {
				flush()
				out = append(out, &Text{Text: breakMark})
				continue
			}
			if !(isCJKBreak(r.last) && isCJKBreak(nr)) {
				c.addSpace(&r)
			}
		}
	}
	flush()
	return out
}

// segmentString returns a text node's string, whether it is the node's
// segment of the source unchanged, and whether it holds a line break.
func (c *mdConverter) segmentString(t textPiece) (s string, substring, brk bool) {
	seg := t.seg
	if seg.Padding == 0 {
		unescape, brk := scanSegment(c.src[seg.Start:seg.Stop])
		if !unescape || t.raw {
			return c.source()[seg.Start:seg.Stop], true, brk
		}
	}
	s = c.segmentText(seg, t.raw)
	return s, false, containsBreak(s)
}

// scanSegment reports whether v needs unescaping and whether it holds a
// line break. (Separate IndexByte scans beat one table-driven loop: the
// lines of a paragraph are long and IndexByte is vectorized.)
func scanSegment(v []byte) (unescape, brk bool) {
	return needsUnescape(v), bytes.IndexByte(v, '\n') >= 0 || bytes.IndexByte(v, '\r') >= 0
}

// addPiece joins one non-empty piece of text to r.
func (c *mdConverter) addPiece(r *textRun, s string, substring bool, seg text.Segment) {
	pos := c.lines.pos(textPos(c.src, seg))
	switch {
	case r.size == 0:
		r.pos = pos
		r.lines = c.appendStartLine(r.lines, s, seg, pos)
		if substring {
			r.start, r.stop = seg.Start, seg.Stop
		} else {
			r.inBuf = true
			r.buf = append(r.buf, s...)
		}
	default:
		if pos.Line > 0 {
			r.lines = append(r.lines, textLine{r.size + pieceOffset(c.src, seg), pos})
		}
		if substring && !r.inBuf && seg.Start == r.stop {
			r.stop = seg.Stop
		} else {
			r.toBuf(c.source())
			r.buf = append(r.buf, s...)
		}
	}
	if !substring && pos.Line > 0 && seg.Padding == 0 {
		r.lines = c.appendEscapeLines(r.lines, r.size, seg)
	}
	r.size += len(s)
	r.last, _ = utf8.DecodeLastRuneInString(s)
}

// pieceOffset returns the offset, in the text of seg, of the byte its
// position names (textPos): past the spaces and tabs the source writes,
// and the padding a tab left.
func pieceOffset(src []byte, seg text.Segment) int {
	return seg.Padding + textPos(src, seg) - seg.Start
}

// appendStartLine records where the first piece of a text, s, stands
// when its decoded text starts with more white space than the source
// writes (an entity of a tab or space): the text's position names the
// first non-space byte of the source, which posOffset cannot find in s.
func (c *mdConverter) appendStartLine(lines []textLine, s string, seg text.Segment, pos Pos) []textLine {
	if k := pieceOffset(c.src, seg); pos.Line > 0 && k != posOffset(s) {
		lines = append(lines, textLine{k, pos})
	}
	return lines
}

// appendEscapeLines records, for the text of seg unescaped by
// unescapeMarkdown at offset base of a run, where it resumes in the
// source after each escape or entity (see escapeMarks).
func (c *mdConverter) appendEscapeLines(lines []textLine, base int, seg text.Segment) []textLine {
	for _, m := range c.escapeMarks(seg) {
		lines = append(lines, textLine{base + m.off, c.lines.pos(m.src)})
	}
	return lines
}

// escapeMarks returns where the text of seg, unescaped by
// unescapeMarkdown, resumes in the body after each escape or entity it
// decodes, which the text holds shorter (or, for NUL, longer) than the
// source.
func (c *mdConverter) escapeMarks(seg text.Segment) []textMark {
	var marks []textMark
	v := c.src[seg.Start:seg.Stop]
	d := 0 // bytes of unescaped text so far
	for i := 0; i < len(v); {
		dec, n := unescapeAt(v, i)
		if n == 0 {
			i++
			d++
			continue
		}
		i += n
		d += len(dec)
		marks = append(marks, textMark{d, seg.Start + i})
	}
	return marks
}

// addSpace joins the space a soft line break becomes.
func (c *mdConverter) addSpace(r *textRun) {
	if !r.inBuf && r.stop < len(c.source()) && c.source()[r.stop] == ' ' {
		r.stop++
	} else {
		r.toBuf(c.source())
		r.buf = append(r.buf, ' ')
	}
	r.size++
	r.last = ' '
}

// toBuf moves the run's text into buf, if it is not there yet.
func (r *textRun) toBuf(src string) {
	if !r.inBuf {
		r.buf = append(r.buf[:0], src[r.start:r.stop]...)
		r.inBuf = true
	}
}

// containsBreak reports whether s holds a line break, which resolveBreaks
// must see.
func containsBreak(s string) bool {
	return strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\r') >= 0
}

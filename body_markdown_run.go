package article

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
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

// appendTextRun appends the text of first and of the ast.Text siblings
// after it, and returns the first sibling it did not read.
func (c *mdConverter) appendTextRun(out []Inline, first *ast.Text) ([]Inline, ast.Node) {
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
	n := ast.Node(first)
	for n != nil {
		t, ok := n.(*ast.Text)
		if !ok {
			break
		}
		n = n.NextSibling()
		s, substring, brk := c.segmentString(t)
		if len(s) > 0 {
			if brk {
				// Leave text that holds a line break of its own to
				// resolveBreaks.
				flush()
				out = append(out, &Text{Text: breaksOf(s), Pos: c.lines.pos(textPos(c.src, t.Segment))})
			} else {
				c.addPiece(&r, s, substring, t)
			}
		}
		switch {
		case t.HardLineBreak():
			flush()
			out = append(out, &LineBreak{})
		case t.SoftLineBreak():
			next, ok := n.(*ast.Text)
			if !ok || r.size == 0 || next.Segment.IsEmpty() {
				// A character on one side is outside the run.
				flush()
				out = append(out, &Text{Text: breakMark})
				continue
			}
			ns, _, nbrk := c.segmentString(next)
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
	return out, n
}

// segmentString returns a text node's string, whether it is the node's
// segment of the source unchanged, and whether it holds a line break.
func (c *mdConverter) segmentString(t *ast.Text) (s string, substring, brk bool) {
	seg := t.Segment
	if seg.Padding == 0 {
		unescape, brk := scanSegment(c.src[seg.Start:seg.Stop])
		if !unescape || t.IsRaw() {
			return c.source()[seg.Start:seg.Stop], true, brk
		}
	}
	s = c.segmentText(seg, t.IsRaw())
	return s, false, containsBreak(s)
}

// scanSegment reports whether v needs unescaping and whether it holds a
// line break. (Separate IndexByte scans beat one table-driven loop: the
// lines of a paragraph are long and IndexByte is vectorized.)
func scanSegment(v []byte) (unescape, brk bool) {
	return needsUnescape(v), bytes.IndexByte(v, '\n') >= 0 || bytes.IndexByte(v, '\r') >= 0
}

// addPiece joins one non-empty piece of text to r.
func (c *mdConverter) addPiece(r *textRun, s string, substring bool, t *ast.Text) {
	pos := c.lines.pos(textPos(c.src, t.Segment))
	switch {
	case r.size == 0:
		r.pos = pos
		if substring {
			r.start, r.stop = t.Segment.Start, t.Segment.Stop
		} else {
			r.inBuf = true
			r.buf = append(r.buf, s...)
		}
	default:
		if pos.Line > 0 {
			r.lines = append(r.lines, textLine{r.size, pos})
		}
		if substring && !r.inBuf && t.Segment.Start == r.stop {
			r.stop = t.Segment.Stop
		} else {
			r.toBuf(c.source())
			r.buf = append(r.buf, s...)
		}
	}
	r.size += len(s)
	r.last, _ = utf8.DecodeLastRuneInString(s)
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

package article

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// Marks map the text of an HTML node back to the body where the two
// differ in length or lines: after an entity, at the start of each line,
// after white space collapsed, after a Markdown escape. The converter
// turns them into the Text's line table (textLine), so that an edit's
// position names its character.

// A textMark says that an hnode's text[off:] starts at offset src of the
// body.
type textMark struct{ off, src int }

// decodeMarks returns the marks of the text token raw, at offset start
// of the tokenizer's buffer, and the length of its decoded text: a mark at
// each entity and after it. It decodes raw as the pieces it splits into
// before each '&', one by one, which is how the tokenizer decodes text (an
// entity holds no '&'). Where lines resume, collapseSpaceMarks marks.
func decodeMarks(raw []byte, start int, m offsetMap) ([]textMark, int) {
	var marks []textMark
	d := 0 // bytes of decoded text so far
	for i := 0; i < len(raw); {
		j := len(raw) // the piece ends before the next '&'
		if k := bytes.IndexByte(raw[i+1:], '&'); k >= 0 {
			j = i + 1 + k
		}
		piece := raw[i:j]
		switch k, w := commonEntity(piece); {
		case k > 0:
			// The usual entities, decoded without a copy of the piece.
			marks = append(marks, textMark{d, m(start + i)})
			if k < len(piece) {
				marks = append(marks, textMark{d + w, m(start + i + k)})
			}
			d += w + len(piece) - k
		case piece[0] == '&':
			dec := html.UnescapeString(string(piece))
			marks = append(marks, textMark{d, m(start + i)})
			// What follows the entity is the same in both.
			same := 0
			for same < len(dec) && same < len(piece) && dec[len(dec)-1-same] == piece[len(piece)-1-same] {
				same++
			}
			if same > 0 && same < len(piece) {
				marks = append(marks, textMark{d + len(dec) - same, m(start + j - same)})
			}
			d += len(dec)
		default:
			d += len(piece)
		}
		i = j
	}
	return marks, d
}

// commonEntity returns the length of the entity at the start of piece and
// of the text it decodes to, for the few that written HTML is full of, or
// 0 (the tokenizer decodes them so whatever follows).
func commonEntity(piece []byte) (k, w int) {
	for _, e := range commonEntities {
		if bytes.HasPrefix(piece, []byte(e.name)) {
			return len(e.name), e.width
		}
	}
	return 0, 0
}

var commonEntities = []struct {
	name  string
	width int // of the UTF-8 it stands for
}{
	{"&amp;", 1}, {"&lt;", 1}, {"&gt;", 1}, {"&quot;", 1}, {"&#39;", 1},
	{"&nbsp;", 2}, {"&mdash;", 3}, {"&ldquo;", 3}, {"&rdquo;", 3},
}

// collapseSpace collapses each run of ASCII whitespace into one space, or
// into breakMark when the run holds a newline.
func collapseSpace(s string) string {
	out, _ := collapseSpaceMarks(s, nil, -1)
	return out
}

// collapseSpaceMarks is collapseSpace that also moves marks, which are in
// order, to the offsets of the collapsed text (a mark in a run of white
// space to the run's one character), and marks where the text resumes
// after a run it shortens. off is the body offset of the first byte of s
// that is not white space (-1 if unknown).
func collapseSpaceMarks(s string, marks []textMark, off int) (string, []textMark) {
	i := firstCollapse(s)
	if i == len(s) {
		return s, marks // single spaces only: nothing to collapse
	}
	// src returns the body offset of s[j], which follows the last mark
	// before it (or the first non-space byte) byte for byte.
	last := textMark{leadingSpaces([]byte(s)), off}
	src := func(j int) int {
		if last.src < 0 || j < last.off {
			return -1
		}
		return last.src + j - last.off
	}
	var out []textMark
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	k := 0 // marks before k are moved
	for ; k < len(marks) && marks[k].off < i; k++ {
		out = append(out, marks[k])
		last = marks[k]
	}
	move := func(start, end int, run bool) {
		for ; k < len(marks) && marks[k].off < end; k++ {
			m := marks[k]
			last = m
			if run {
				m.off = b.Len()
			} else {
				m.off = b.Len() + m.off - start
			}
			out = append(out, m)
		}
	}
	for i < len(s) {
		if !isSpace(s[i]) {
			j := i + 1
			for j < len(s) && !isSpace(s[j]) {
				j++
			}
			move(i, j, false)
			b.WriteString(s[i:j])
			i = j
			continue
		}
		nl := false
		j := i
		for j < len(s) && isSpace(s[j]) {
			nl = nl || s[j] == '\n'
			j++
		}
		move(i, j, true)
		if nl {
			b.WriteString(breakMark)
		} else {
			b.WriteByte(' ')
		}
		if (j-i > 1 || nl) && j < len(s) && (k == len(marks) || marks[k].off != j) {
			// The run is shorter now, or a line break that
			// resolveBreaks will join: what follows resumes here.
			if p := src(j); p >= 0 {
				out = append(out, textMark{b.Len(), p})
			}
		}
		i = j
	}
	return b.String(), out
}

// markLines returns the line table of a text's marks, whose positions
// are known.
func (c *htmlConverter) markLines(marks []textMark) []textLine {
	var lines []textLine
	for _, m := range marks {
		if m.src >= 0 {
			if p := c.lines.pos(m.src); p.Line > 0 {
				lines = append(lines, textLine{m.off, p})
			}
		}
	}
	return lines
}

// firstCollapse returns the offset of the first whitespace run of s that
// collapseSpace changes (any but a lone ' '), or len(s).
func firstCollapse(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] > ' ' {
			continue // most bytes: spares the switch
		}
		switch s[i] {
		case ' ':
			if i+1 < len(s) && isSpace(s[i+1]) {
				return i
			}
		case '\t', '\n', '\f', '\r':
			return i
		}
	}
	return len(s)
}

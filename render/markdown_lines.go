package render

import (
	"bytes"
	"strings"
)

// The Markdown writer writes every line straight into one buffer. A block
// that puts something before each of its lines (a quote's "> ", a list
// item's marker and indent, a footnote's label) pushes a level onto a
// stack, and the prefixes of all levels are written when a line starts:
// no block is rendered into lines of its own and prefixed afterwards.
//
// A prefix is written only once the line turns out to hold something, as
// an empty line gets different prefixes: a level's first prefix without
// its trailing spaces on its first line, its blank prefix on later ones
// (so that no line ends in spaces), and nothing from the levels inside
// the innermost one that has something to write.

// A level is the line prefix of a block being written. Its three
// prefixes are kept in mdWriter.arena: first in arena[start:ends[0]],
// rest in arena[ends[0]:ends[1]] and blank in arena[ends[1]:ends[2]].
type level struct {
	start int
	ends  [3]int
	fresh bool // none of the block's lines has been written yet
	at    int  // the offset in buf of the block's first prefix
}

// push starts a block each of whose lines gets a prefix: first before its
// first line, rest before the others and blank in place of rest on an
// empty line.
func (w *mdWriter) push(first []byte, rest, blank string) {
	l := level{start: len(w.arena), fresh: true}
	w.arena = append(w.arena, first...)
	l.ends[0] = len(w.arena)
	w.arena = append(w.arena, rest...)
	l.ends[1] = len(w.arena)
	w.arena = append(w.arena, blank...)
	l.ends[2] = len(w.arena)
	w.levels = append(w.levels, l)
}

// pop ends the innermost block pushed and returns the offset in buf of
// its first prefix, which starts its first line.
func (w *mdWriter) pop() int {
	l := w.levels[len(w.levels)-1]
	w.levels = w.levels[:len(w.levels)-1]
	w.arena = w.arena[:l.start]
	w.written = min(w.written, len(w.levels))
	return l.at
}

// prefix appends level i's prefix for a line that holds something.
func (w *mdWriter) prefix(i int) {
	l := &w.levels[i]
	if l.fresh {
		l.fresh = false
		l.at = len(w.buf)
		w.buf = append(w.buf, w.arena[l.start:l.ends[0]]...)
		return
	}
	w.buf = append(w.buf, w.arena[l.ends[0]:l.ends[1]]...)
}

// emptyPrefix returns what level i writes on an empty line.
func (w *mdWriter) emptyPrefix(i int) []byte {
	l := &w.levels[i]
	if l.fresh {
		return bytes.TrimRight(w.arena[l.start:l.ends[0]], " ")
	}
	return w.arena[l.ends[1]:l.ends[2]]
}

// begin starts writing the current line's text, writing the prefixes
// that are not on the line yet: all of them at the start of a line, and
// after a task box those of the blocks that started since. Callers then
// append the text to w.buf themselves, and end the line with endLine.
func (w *mdWriter) begin() {
	for i := w.written; i < len(w.levels); i++ {
		w.prefix(i)
	}
	w.written = len(w.levels)
	w.bol = false
}

// endLine ends the current line. The levels whose prefix is not on the
// line yet see an empty line: the innermost one that writes something on
// an empty line does, after the prefixes of the levels around it.
func (w *mdWriter) endLine() {
	k := len(w.levels) - 1
	for k >= w.written && len(w.emptyPrefix(k)) == 0 {
		k--
	}
	for i := w.written; i < k; i++ {
		w.prefix(i)
	}
	if k >= w.written {
		l := &w.levels[k]
		if l.fresh {
			l.at = len(w.buf)
		}
		w.buf = append(w.buf, w.emptyPrefix(k)...)
	}
	for i := range w.levels {
		w.levels[i].fresh = false
	}
	w.buf = append(w.buf, '\n')
	w.bol, w.written = true, 0
	w.lines++
}

// text writes s, whose newlines end lines; the last line of s is left
// open for the caller to go on or end.
func (w *mdWriter) text(s string) { writeText(w, s, strings.IndexByte) }

// textBytes is text for a byte slice (the rendered inlines).
func (w *mdWriter) textBytes(s []byte) { writeText(w, s, bytes.IndexByte) }

// writeText is text and textBytes; index is the IndexByte of S.
func writeText[S string | []byte](w *mdWriter, s S, index func(S, byte) int) {
	for len(s) > 0 {
		i := index(s, '\n')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			w.begin()
			w.buf = append(w.buf, s[:i]...)
		}
		if i == len(s) {
			return
		}
		w.endLine()
		s = s[i+1:]
	}
}

// line writes s as one whole line (a rule, a figure's tag line): a
// newline in s would not start a new line for the prefixes.
func (w *mdWriter) line(s string) {
	if s != "" {
		w.begin()
		w.buf = append(w.buf, s...)
	}
	w.endLine()
}

package article

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/text"
)

// tagText is the text an HTML tag is read from, in one of the two forms
// goldmark's regular expressions see it.
//
// A block line (r == nil) is a byte slice matched as regexp matches
// []byte: a byte that is not UTF-8 is one character and matches any
// negated class.
//
// An inline stream (r != nil) is what regexp reads from a text.Reader
// through io.RuneReader: the current line and the lines after it, each as
// PeekLine shows it (padding included), read on demand; the stream ends
// at the first rune that decodes to utf8.RuneError, since goldmark's
// ReadRune reports EOF there.
type tagText struct {
	b      []byte
	r      text.Reader
	starts []int // offsets in b where each line after the first starts
	eof    bool  // no more lines to read
	copy   bool  // b is ours to append to
	bad    bool  // the stream ended early, at offset stop, at a bad rune
	stop   int
}

// at returns the byte at offset i, reading further lines of a stream as
// needed; ok is false past the end.
func (t *tagText) at(i int) (c byte, ok bool) {
	if t.bad && i >= t.stop {
		return 0, false
	}
	for i >= len(t.b) {
		if !t.more() {
			return 0, false
		}
	}
	return t.b[i], true
}

// more appends the next line of a stream. The reader is advanced past the
// lines read; the caller restores its position.
func (t *tagText) more() bool {
	if t.r == nil || t.eof {
		return false
	}
	start := 0
	if n := len(t.starts); n > 0 {
		start = t.starts[n-1]
	}
	t.r.Advance(len(t.b) - start)
	line := streamLine(t.r)
	if len(line) == 0 {
		// An empty line reads as EOF: utf8.DecodeRune gives RuneError.
		t.eof = true
		return false
	}
	if !t.copy {
		t.b = append(make([]byte, 0, len(t.b)+len(line)+64), t.b...)
		t.copy = true
	}
	t.starts = append(t.starts, len(t.b))
	t.b = append(t.b, line...)
	return true
}

// streamLine is the rest of the reader's current line as regexp reads it
// rune by rune: PeekLine's value without the newline a ForceNewline
// segment adds, which the reader moves past before it is read.
func streamLine(r text.Reader) []byte {
	line, seg := r.PeekLine()
	if seg.ForceNewline && len(line) > seg.Padding+seg.Stop-seg.Start {
		line = line[:len(line)-1]
	}
	return line
}

// char reports the width of the character at i, which holds a byte of
// 0x80 or more, and whether it may be read at all: in a stream a rune
// that decodes to utf8.RuneError ends the text.
func (t *tagText) char(i int) (int, bool) {
	if t.r == nil {
		return 1, true
	}
	end := len(t.b) // where the line holding i ends: runes do not span lines
	for _, s := range t.starts {
		if s > i {
			end = s
			break
		}
	}
	r, size := utf8.DecodeRune(t.b[i:end])
	if r == utf8.RuneError {
		t.bad, t.stop = true, i
		return 0, false
	}
	return size, true
}

func isTagNameStart(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isTagNameChar(c byte) bool {
	return isTagNameStart(c) || c >= '0' && c <= '9' || c == '-'
}

func isAttrNameStart(c byte) bool { return isTagNameStart(c) || c == '_' || c == ':' }

func isAttrNameChar(c byte) bool {
	return isAttrNameStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// isAttrSpace is goldmark's [\r\n \t] around attributes.
func isAttrSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// tagName reads [A-Za-z][A-Za-z0-9-]* at i and returns its end, or i.
func (t *tagText) tagName(i int) int {
	if c, ok := t.at(i); !ok || !isTagNameStart(c) {
		return i
	}
	i++
	for {
		c, ok := t.at(i)
		if !ok || !isTagNameChar(c) {
			return i
		}
		i++
	}
}

// spaces skips the bytes at i for which in is true.
func (t *tagText) spaces(i int, in func(byte) bool) int {
	for {
		c, ok := t.at(i)
		if !ok || !in(c) {
			return i
		}
		i++
	}
}

// attributes reads goldmark's attribute pattern as often as it matches at
// i and returns the end of the last one, or i when there is none:
//
//	[\r\n \t]+ [a-zA-Z_:][a-zA-Z0-9:._-]* ( [\r\n \t]* = [\r\n \t]* value )?
//	value = [^"'=<>`\x00-\x20]+ | '[^']*' | "[^"]*"
//
// Each piece is decided by its first byte, so reading greedily finds the
// match the regular expression finds.
func (t *tagText) attributes(i int) int {
	for {
		j := t.spaces(i, isAttrSpace)
		c, ok := t.at(j)
		if j == i || !ok || !isAttrNameStart(c) {
			return i
		}
		j = t.spaces(j+1, isAttrNameChar)
		i = j
		k := t.spaces(j, isAttrSpace)
		if c, ok := t.at(k); !ok || c != '=' {
			continue
		}
		k = t.spaces(k+1, isAttrSpace)
		if end, ok := t.attrValue(k); ok {
			i = end
		}
	}
}

// attrValue reads an attribute value at i and returns its end.
func (t *tagText) attrValue(i int) (int, bool) {
	q, ok := t.at(i)
	if !ok {
		return i, false
	}
	if q == '"' || q == '\'' {
		for j := i + 1; ; {
			c, ok := t.at(j)
			switch {
			case !ok:
				return i, false
			case c == q:
				return j + 1, true
			case c >= utf8.RuneSelf:
				n, ok := t.char(j)
				if !ok {
					return i, false
				}
				j += n
			default:
				j++
			}
		}
	}
	j := i
	for {
		c, ok := t.at(j)
		if !ok {
			break
		}
		if c >= utf8.RuneSelf {
			n, ok := t.char(j)
			if !ok {
				break
			}
			j += n
			continue
		}
		if c <= ' ' || c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' || c == '`' {
			break
		}
		j++
	}
	return j, j > i
}

package article

import (
	"bytes"

	"golang.org/x/net/html"
)

// The tokenizer's TagName and TagAttr copy every name, key and value they
// return (to replace NUL bytes), which made them the body's most frequent
// allocation although most attributes are then dropped (isKeptAttr). The
// tokenizer has already found where the tag ends, so its raw bytes are
// read again here, by the tokenizer's own rules, and only what is kept is
// copied. What the tokenizer would rewrite — NUL in a name, an entity, a
// carriage return or a NUL in a kept value — sends the tag back to it.

// readTag returns the lower-case name of the start or end tag token raw,
// and, for a start tag, its kept attributes, as feedHTML reads them from
// the tokenizer; ok is false when the tokenizer must read it. str is raw
// as a string, whose substrings the attribute values are.
func readTag(raw []byte, str string, end bool) (tag string, attrs []html.Attribute, ok bool) {
	tag, attrs, n, _, ok := readTagAt(raw, str, end)
	return tag, attrs, ok && n == len(raw)
}

// readTagAt is readTag for the tag at the start of b, which may go on
// after it: n is the tag's length, up to and including its '>', and
// lastVal where the value of its last attribute with a key ends (-1 if
// none). ok is false as for readTag, and when b ends before the tag does.
func readTagAt(b []byte, str string, end bool) (tag string, attrs []html.Attribute, n, lastVal int, ok bool) {
	r := tagReader{raw: b, i: 1}
	if end {
		r.i = 2
	}
	if r.i >= len(b) || !isASCIIAlpha(b[r.i]) {
		return "", nil, 0, 0, false
	}
	name := r.name()
	if bytes.IndexByte(name, 0) >= 0 {
		return "", nil, 0, 0, false
	}
	lastVal = -1
	var buf [32]byte
	tag = internName(appendLowerASCII(buf[:0], name))
	r.skipSpace()
	for r.i < len(b) && b[r.i] != '>' {
		k, vStart, vEnd := r.attr()
		if len(k) > 0 {
			lastVal = vEnd
		}
		var kbuf [16]byte
		if end || len(k) == 0 || len(k) > len(kbuf) {
			r.skipSpace()
			continue // an end tag's attributes are read, and dropped
		}
		key := appendLowerASCII(kbuf[:0], k)
		if isKeptAttr(key) && !hasAttr(attrs, string(key)) {
			v := b[vStart:vEnd]
			if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 || bytes.IndexByte(v, 0) >= 0 {
				return "", nil, 0, 0, false
			}
			attrs = append(attrs, html.Attribute{Key: internName(key), Val: str[vStart:vEnd]})
		}
		r.skipSpace()
	}
	if r.i >= len(b) {
		return "", nil, 0, 0, false // no '>': the tokenizer stops at the end
	}
	return tag, attrs, r.i + 1, lastVal, true
}

// A tagReader reads a tag's raw bytes from offset i.
type tagReader struct {
	raw []byte
	i   int
}

func (r *tagReader) skipSpace() {
	for r.i < len(r.raw) && isSpace(r.raw[r.i]) {
		r.i++
	}
}

// name reads the tag name, which starts with the letter at r.i, as the
// tokenizer's readTagName: up to a space (which it consumes), '/' or '>'.
func (r *tagReader) name() []byte {
	start := r.i
	for r.i++; r.i < len(r.raw); r.i++ {
		switch c := r.raw[r.i]; {
		case isSpace(c):
			r.i++
			return r.raw[start : r.i-1]
		case c == '/' || c == '>':
			return r.raw[start:r.i]
		}
	}
	return r.raw[start:]
}

// attr reads an attribute's key, and where its value starts and ends, as
// the tokenizer's readTagAttrKey and readTagAttrVal: r.i is at a byte
// that is neither a space nor '>'.
func (r *tagReader) attr() (key []byte, vStart, vEnd int) {
	start := r.i
	for ; r.i < len(r.raw); r.i++ {
		c := r.raw[r.i]
		if c == '=' && r.i == start {
			continue // an '=' that starts a key belongs to it
		}
		if c == '=' || isSpace(c) || c == '/' || c == '>' {
			break
		}
	}
	key = r.raw[start:r.i]
	r.skipSpace()
	if r.i >= len(r.raw) || r.raw[r.i] != '=' {
		if r.i < len(r.raw) && r.raw[r.i] == '/' {
			r.i++
		}
		return key, r.i, r.i // no value
	}
	r.i++
	r.skipSpace()
	if r.i >= len(r.raw) || r.raw[r.i] == '>' {
		return key, r.i, r.i
	}
	if q := r.raw[r.i]; q == '\'' || q == '"' {
		r.i++
		start := r.i
		for r.i < len(r.raw) && r.raw[r.i] != q {
			r.i++
		}
		end := r.i
		if r.i < len(r.raw) {
			r.i++ // the closing quote
		}
		return key, start, end
	}
	start = r.i
	for ; r.i < len(r.raw); r.i++ {
		switch c := r.raw[r.i]; {
		case isSpace(c):
			r.i++
			return key, start, r.i - 1
		case c == '>':
			return key, start, r.i
		}
	}
	return key, start, r.i
}

// appendLowerASCII appends s to dst with ASCII upper-case letters lowered, as
// the tokenizer lowers names (and no other letter).
func appendLowerASCII(dst, s []byte) []byte {
	for _, c := range s {
		dst = append(dst, asciiLower(c))
	}
	return dst
}

package article

import (
	"bytes"
	"sort"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Feeding HTML to the builder: texts, tags and comments, read by
// scanNext (body_html_scan.go) and, from where it stops, by the x/net
// tokenizer, with each text's offset in the body.

// An offsetMap turns an offset in the buffer given to the tokenizer into
// an offset in the body.
type offsetMap func(int) int

func identityMap(base int) offsetMap { return func(o int) int { return o + base } }

// segmentMap maps a buffer made of the concatenated pieces of the body
// that start at srcStarts[i], and at bufStarts[i] in the buffer.
func segmentMap(bufStarts, srcStarts []int) offsetMap {
	return func(o int) int {
		i := sort.Search(len(bufStarts), func(i int) bool { return bufStarts[i] > o }) - 1
		if i < 0 {
			return -1
		}
		return srcStarts[i] + o - bufStarts[i]
	}
}

// feedHTML tokenizes buf, whose offsets m maps to the body.
func (b *htmlBuilder) feedHTML(buf []byte, m offsetMap) {
	b.feedHTMLString(buf, "", m)
}

// feedHTMLString is feedHTML given, in str, buf as a string, or "" to
// make one.
func (b *htmlBuilder) feedHTMLString(buf []byte, str string, m offsetMap) {
	// Texts that need no decoding, and attribute values, are substrings
	// of str.
	if str == "" {
		str = string(buf)
	}
	pos := 0
	for {
		t, ok := scanNext(buf, str, pos)
		if !ok {
			break
		}
		switch t.tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			b.feedText(buf, str, pos, t.end, m, nil)
		case html.CommentToken:
			b.comment(str[pos:t.end])
		default:
			switch {
			case isShortcode(buf, pos, t.end):
				b.text(str[pos:t.end], m(pos))
			case t.tt == html.EndTagToken:
				b.end(t.tag)
			default:
				b.start(t.tag, t.attrs, t.tt == html.SelfClosingTagToken)
			}
		}
		pos = t.end
	}
	b.feedTokens(buf, str, pos, m)
}

// feedTokens is feedHTMLString from offset from of buf on, read by the
// tokenizer (see body_html_scan.go).
func (b *htmlBuilder) feedTokens(buf []byte, str string, from int, m offsetMap) {
	z := html.NewTokenizer(bytes.NewReader(buf[from:]))
	off := from
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			b.feedText(buf, str, start, off, m, z)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			if isShortcode(buf, start, off) {
				if tt != html.EndTagToken {
					z.NextIsNotRawText()
				}
				b.text(str[start:off], m(start))
				continue
			}
			tag, attrs, ok := readTag(raw, str[start:off], tt == html.EndTagToken)
			if !ok {
				tag, attrs = tokenizerTag(z)
			}
			if tt == html.EndTagToken {
				b.end(tag)
				continue
			}
			b.start(tag, attrs, tt == html.SelfClosingTagToken)
		case html.CommentToken:
			b.comment(str[start:off])
		}
	}
}

// feedText adds the text token buf[start:end]; z is the tokenizer at it,
// or nil if scanNext read it.
func (b *htmlBuilder) feedText(buf []byte, str string, start, end int, m offsetMap, z *html.Tokenizer) {
	raw := buf[start:end]
	lead := leadingSpaces(raw)
	if isPlainText(raw) {
		// Plain text maps to the body byte for byte; where its lines
		// and spaces collapse, collapseSpaceMarks marks it.
		b.markedText(str[start:end], m(start+lead), nil)
		return
	}
	// Read raw before z.Text, which decodes it in place.
	marks, size := decodeMarks(raw, start, m)
	var s string
	if z != nil {
		s = string(z.Text())
	} else {
		s = html.UnescapeString(str[start:end]) // as z.Text: no '\r' here
	}
	if size != len(s) {
		marks = nil // the tokenizer kept the text raw (a <textarea>'s)
	}
	b.markedText(s, m(start+lead), marks)
}

// tokenizerTag returns the name and kept attributes of the tag token z
// is at, read by z.
func tokenizerTag(z *html.Tokenizer) (string, []html.Attribute) {
	name, more := z.TagName()
	tag := internName(name)
	var attrs []html.Attribute
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if isKeptAttr(k) {
			attrs = append(attrs, html.Attribute{Key: internName(k), Val: string(v)})
		}
	}
	return tag, attrs
}

// isShortcode reports whether buf[start:end] is a tag written inside a
// Hugo shortcode, {{<figure src=x>}}, which is text and not HTML.
func isShortcode(buf []byte, start, end int) bool {
	return start >= 2 && string(buf[start-2:start]) == "{{" &&
		end+2 <= len(buf) && string(buf[end:end+2]) == "}}"
}

func leadingSpaces(b []byte) int {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return 0
	}
	return i
}

// isPlainText reports whether the tokenizer's text for raw text is raw
// itself: no entity to decode, no carriage return or NUL to replace.
func isPlainText(raw []byte) bool {
	return bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, 0) < 0
}

// internName returns a lower-case tag or attribute name as a string,
// without an allocation for the names HTML knows.
func internName(name []byte) string {
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

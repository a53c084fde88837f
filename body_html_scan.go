package article

import (
	"bytes"

	"golang.org/x/net/html"
)

// The x/net/html tokenizer copies its input into a buffer of its own,
// 4 KB for each fragment, and reads it a byte at a time through a method
// call. The common part of HTML — texts, and start and end tags outside
// raw-text elements — splits into tokens by a few rules, which scanNext
// applies to the buffer in place, as the tokenizer would. At the first
// token it does not handle (a comment, a doctype, a <script> or other
// raw-text element, a tag it cannot read, a carriage return), the
// tokenizer takes over from that token on: the tokenizer would be in its
// data state there, as a new one is.

// A scanToken is a token read by scanNext.
type scanToken struct {
	tt    html.TokenType
	end   int // the offset after the token
	tag   string
	attrs []html.Attribute
}

// scanNext returns the token at offset pos of buf, whose string is str:
// a text, a tag or, at the end of buf, an ErrorToken. ok is false when
// the tokenizer must read from pos on.
func scanNext(buf []byte, str string, pos int) (t scanToken, ok bool) {
	if pos >= len(buf) {
		return scanToken{tt: html.ErrorToken}, true
	}
	if !startsToken(buf, pos) {
		end := textEnd(buf, pos)
		if bytes.IndexByte(buf[pos:end], '\r') >= 0 {
			return t, false // the tokenizer turns it into '\n'
		}
		return scanToken{tt: html.TextToken, end: end}, true
	}
	if end := commentEnd(buf, pos); end > 0 {
		return scanToken{tt: html.CommentToken, end: end}, true
	}
	endTag := buf[pos+1] == '/'
	if !endTag && !isASCIIAlpha(buf[pos+1]) {
		return t, false // <! or <? other than a plain comment
	}
	tag, attrs, n, lastVal, ok := readTagAt(buf[pos:], str[pos:], endTag)
	if !ok || !endTag && isRawTextTag(tag) {
		return t, false
	}
	if !endTag && buf[pos+n-2] == '/' && lastVal == n-1 {
		// <a b=/>: whether the '/' closes the tag depends on whether
		// the tokenizer kept attribute b (not a repeated key).
		return t, false
	}
	t = scanToken{tt: html.StartTagToken, end: pos + n, tag: tag, attrs: attrs}
	switch {
	case endTag:
		t.tt = html.EndTagToken
	case buf[pos+n-2] == '/':
		t.tt = html.SelfClosingTagToken
	}
	return t, true
}

// commentEnd returns where the comment at buf[pos] ends, if it is a
// plain one, <!--text-->, whose text holds no '>' (which could end it
// early, as in <!-->, or with --!>); else 0.
func commentEnd(buf []byte, pos int) int {
	if !bytes.HasPrefix(buf[pos:], []byte("<!--")) {
		return 0
	}
	text := buf[pos+4:]
	k := bytes.Index(text, []byte("-->"))
	if k < 0 || bytes.IndexByte(text[:k], '>') >= 0 {
		return 0
	}
	return pos + 4 + k + 3
}

// startsToken reports whether the '<' at buf[i], if it is one, starts a
// token other than text: a tag, a comment, a doctype.
func startsToken(buf []byte, i int) bool {
	if buf[i] != '<' || i+1 >= len(buf) {
		return false
	}
	c := buf[i+1]
	return isASCIIAlpha(c) || c == '/' || c == '!' || c == '?'
}

// textEnd returns where the text that starts at buf[pos] ends: at the
// next token, or at the end of buf.
func textEnd(buf []byte, pos int) int {
	for i := pos + 1; i < len(buf); {
		k := bytes.IndexByte(buf[i:], '<')
		if k < 0 {
			break
		}
		if startsToken(buf, i+k) {
			return i + k
		}
		i += k + 1
	}
	return len(buf)
}

// isRawTextTag reports whether the tokenizer reads what follows a start
// tag named tag as raw text, up to its end tag.
func isRawTextTag(tag string) bool {
	switch tag {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script",
		"style", "textarea", "title", "xmp":
		return true
	}
	return false
}

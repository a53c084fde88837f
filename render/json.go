package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sync"
	"unicode/utf8"

	"github.com/articlekit/article"
)

// JSON writes a to w as one JSON object, indented by two spaces, with <, >
// and & left as they are, and ending in one newline. The same article gives
// the same bytes on every machine and in every time zone.
//
// The object is the form of [article.Article.MarshalJSON], schema version 1,
// described by the JSON Schema in schema/article.schema.json ([schema]):
// every key is always present and in a fixed order, lists are [] when
// empty, a missing date is null, dates are RFC 3339 with the offset they
// were written with, and body blocks and inlines are objects with a "type".
// [article.Article.UnmarshalJSON] reads it back into an equal article.
//
// JSON writes nothing when a cannot be written, and returns the error.
//
// [schema]: https://github.com/articlekit/article/blob/main/schema/article.schema.json
func JSON(w io.Writer, a *article.Article) error {
	if a == nil {
		return errors.New("render: JSON of a nil article")
	}
	jw := jsonWriters.Get().(*jsonWriter)
	defer func() {
		if cap(jw.b) <= 1<<20 {
			jsonWriters.Put(jw)
		}
	}()
	// The indented form is written directly, in the order MarshalJSON
	// writes the compact one: indenting MarshalJSON's output would cost a
	// second pass and MarshalJSON's growing buffer.
	jw.b, jw.depth, jw.bad = jw.b[:0], 0, false
	jw.article(a)
	if jw.bad {
		return marshalIndent(w, a)
	}
	jw.b = append(jw.b, '\n')
	_, err := w.Write(jw.b)
	return err
}

var jsonWriters = sync.Pool{New: func() any { return new(jsonWriter) }}

// marshalIndent writes a's MarshalJSON output indented, or returns
// MarshalJSON's error. It serves the articles the direct writer refuses,
// so that MarshalJSON alone decides what is an error and how it reads.
func marshalIndent(w io.Writer, a *article.Article) error {
	compact, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// jsonSafe marks the ASCII bytes a JSON string holds as they are.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it with HTML escaping off: invalid UTF-8 becomes U+FFFD, and
// U+2028 and U+2029 are escaped for JavaScript's sake.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		// A valid rune that is no U+2028 or U+2029 is copied: CJK text
		// is taken here, and the rest by validRuneLen.
		if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
			!(c == 0xe2 && s[i+1] == 0x80 && s[i+2]&0xfe == 0xa8) {
			i += 3
			continue
		}
		if n := validRuneLen(s, i); n > 0 && !(n == 3 && c == 0xe2 && s[i+1] == 0x80 && s[i+2]&0xfe == 0xa8) {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sync"

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
	compact, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	// Indent the compact form directly: json.Encoder would validate and
	// compact it again first. Indent copies strings as they are, so <, >
	// and & stay unescaped.
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer jsonBuffers.Put(buf)
	buf.Reset()
	if err := json.Indent(buf, compact, "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

var jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

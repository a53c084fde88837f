package article

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// jsonSchemaVersion is the version of the JSON form written by
// [Article.MarshalJSON], described by schema/article.schema.json.
const jsonSchemaVersion = 1

// MarshalJSON writes a as a JSON object of schema version 1, described by
// schema/article.schema.json. Every key is always present and in a fixed
// order; lists are [] when empty, never null; a zero date is null; dates are
// RFC 3339 with the offset the time carries (Z for UTC), to the minute of
// offset, since RFC 3339 has no seconds of offset; positions are not
// written. The output is compact and does not escape <, > and &; an
// [encoding/json.Encoder] with SetEscapeHTML(false) keeps it so.
//
// MarshalJSON returns an error, rather than output the schema does not
// describe, for a nil block, inline or list item, a value kind, format or
// alignment that is not one of the constants, a heading level outside 1–6,
// or a date whose year is outside 0–9999.
//
// The receiver is a pointer: encoding/json uses this method for *Article
// and for addressable Article values only.
func (a *Article) MarshalJSON() ([]byte, error) {
	if a == nil {
		return []byte("null"), nil
	}
	w := articleWriter{b: make([]byte, 0, 1024)}
	w.article(a)
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}

// An articleWriter appends an Article's JSON form to b. The first error
// stops the writing.
type articleWriter struct {
	b   []byte
	err error
}

func (w *articleWriter) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("article: json: "+format, args...)
	}
}

func (w *articleWriter) raw(s string) { w.b = append(w.b, s...) }
func (w *articleWriter) str(s string) { w.b = appendJSONString(w.b, s) }

// key writes ,"name": before every key of an object but the first,
// which callers write with raw along with the opening brace.
func (w *articleWriter) key(name string) {
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
}

func (w *articleWriter) keyStr(name, s string) {
	w.key(name)
	w.str(s)
}

func (w *articleWriter) boolean(v bool) { w.b = strconv.AppendBool(w.b, v) }
func (w *articleWriter) int(v int)      { w.b = strconv.AppendInt(w.b, int64(v), 10) }

func (w *articleWriter) article(a *Article) {
	w.raw(`{"schema_version":`)
	w.int(jsonSchemaVersion)
	w.keyStr("title", a.Title)
	w.key("date")
	w.time("date", a.Date)
	w.key("date_zone_assumed")
	w.boolean(a.DateZoneAssumed)
	w.key("lastmod")
	w.time("lastmod", a.Lastmod)
	w.key("publish_date")
	w.time("publish_date", a.PublishDate)
	w.keyStr("layout", a.Layout)
	w.keyStr("slug", a.Slug)
	w.keyStr("permalink", a.Permalink)
	w.key("categories")
	w.strings(a.Categories)
	w.key("tags")
	w.strings(a.Tags)
	w.key("authors")
	w.strings(a.Authors)
	w.key("aliases")
	w.strings(a.Aliases)
	w.key("draft")
	w.boolean(a.Draft)
	w.keyStr("summary", a.Summary)
	w.keyStr("source", a.Source)
	w.keyStr("source_url", a.SourceURL)
	w.keyStr("credit", a.Credit)
	w.key("nav")
	w.raw("[")
	for i, n := range a.Nav {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`{"text":`)
		w.str(n.Text)
		w.keyStr("href", n.Href)
		w.raw("}")
	}
	w.raw("]")
	w.key("front_matter")
	if !validFrontMatterFormat(a.FrontMatter.Format) {
		w.fail("unknown front matter format %q", a.FrontMatter.Format)
	}
	w.raw(`{"format":`)
	w.str(string(a.FrontMatter.Format))
	w.key("fields")
	w.fields(a.FrontMatter.Fields)
	w.raw("}")
	w.key("body_format")
	if !validBodyFormat(a.BodyFormat) {
		w.fail("unknown body format %q", a.BodyFormat)
	}
	w.str(string(a.BodyFormat))
	w.key("body")
	w.blocks(a.Body)
	w.raw("}")
}

// time writes t in RFC 3339 with its own offset, or null when t is zero.
func (w *articleWriter) time(name string, t time.Time) {
	if t.IsZero() {
		w.raw("null")
		return
	}
	if y := t.Year(); y < 0 || y > 9999 {
		w.fail("%s: year %d outside 0–9999", name, y)
		return
	}
	// RFC 3339 offsets have no seconds (local mean time has them):
	// keep the instant and round the offset towards zero.
	if _, off := t.Zone(); off%60 != 0 {
		t = t.In(time.FixedZone("", off-off%60))
	}
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, time.RFC3339Nano)
	w.b = append(w.b, '"')
}

func (w *articleWriter) strings(list []string) {
	w.raw("[")
	for i, s := range list {
		if i > 0 {
			w.raw(",")
		}
		w.str(s)
	}
	w.raw("]")
}

func (w *articleWriter) fields(fields []Field) {
	w.raw("[")
	for i, f := range fields {
		if i > 0 {
			w.raw(",")
		}
		w.raw(`{"key":`)
		w.str(f.Key)
		w.key("value")
		w.value(f.Value)
		w.raw("}")
	}
	w.raw("]")
}

// value writes v faithfully: text for every scalar (a null's text is what
// was written, such as "~"), list or map for the composites, and text on
// a composite too in the unlikely case it has one.
func (w *articleWriter) value(v Value) {
	w.raw(`{"kind":`)
	w.str(string(v.Kind))
	switch v.Kind {
	case KindNull, KindString, KindInt, KindFloat, KindBool, KindTime:
		w.keyStr("text", v.Text)
	case KindList:
		if v.Text != "" {
			w.keyStr("text", v.Text)
		}
		w.key("list")
		w.raw("[")
		for i, e := range v.List {
			if i > 0 {
				w.raw(",")
			}
			w.value(e)
		}
		w.raw("]")
	case KindMap:
		if v.Text != "" {
			w.keyStr("text", v.Text)
		}
		w.key("map")
		w.fields(v.Map)
	default:
		w.fail("unknown front matter value kind %q", v.Kind)
	}
	w.raw("}")
}

func (w *articleWriter) blocks(blocks []Block) {
	w.raw("[")
	for i, b := range blocks {
		if i > 0 {
			w.raw(",")
		}
		w.block(b)
	}
	w.raw("]")
}

func (w *articleWriter) block(b Block) {
	switch b := b.(type) {
	case *Paragraph:
		if b != nil {
			w.raw(`{"type":"paragraph","text":`)
			w.inlines(b.Text)
			w.raw("}")
			return
		}
	case *Heading:
		if b != nil {
			if b.Level < 1 || b.Level > 6 {
				w.fail("heading level %d outside 1–6", b.Level)
			}
			w.raw(`{"type":"heading","level":`)
			w.int(b.Level)
			w.key("text")
			w.inlines(b.Text)
			w.raw("}")
			return
		}
	case *List:
		if b != nil {
			w.list(b)
			return
		}
	case *Quote:
		if b != nil {
			w.raw(`{"type":"quote","blocks":`)
			w.blocks(b.Blocks)
			w.raw("}")
			return
		}
	case *Code:
		if b != nil {
			w.raw(`{"type":"code","language":`)
			w.str(b.Language)
			w.keyStr("text", b.Text)
			w.raw("}")
			return
		}
	case *Table:
		if b != nil {
			w.table(b)
			return
		}
	case *Figure:
		if b != nil {
			w.raw(`{"type":"figure","image":{"src":`)
			w.str(b.Image.Src)
			w.keyStr("alt", b.Image.Alt)
			w.keyStr("title", b.Image.Title)
			w.raw("}")
			w.keyStr("link", b.Link)
			w.keyStr("link_title", b.LinkTitle)
			w.raw(`,"caption":`)
			w.inlines(b.Caption)
			w.raw("}")
			return
		}
	case *Rule:
		if b != nil {
			w.raw(`{"type":"rule"}`)
			return
		}
	case *HTML:
		if b != nil {
			w.raw(`{"type":"html","text":`)
			w.str(b.Text)
			w.raw("}")
			return
		}
	case *Footnote:
		if b != nil {
			w.raw(`{"type":"footnote","label":`)
			w.str(b.Label)
			w.key("blocks")
			w.blocks(b.Blocks)
			w.raw("}")
			return
		}
	}
	w.fail("nil block %T", b)
	w.raw("null")
}

func (w *articleWriter) list(l *List) {
	w.raw(`{"type":"list","ordered":`)
	w.boolean(l.Ordered)
	w.key("start")
	w.int(l.Start)
	w.key("loose")
	w.boolean(l.Loose)
	w.key("items")
	w.raw("[")
	for i, it := range l.Items {
		if i > 0 {
			w.raw(",")
		}
		if it == nil {
			w.fail("nil list item")
			w.raw("null")
			continue
		}
		w.raw("{")
		if it.Task != nil {
			w.raw(`"task":`)
			w.boolean(*it.Task)
			w.raw(",")
		}
		w.raw(`"blocks":`)
		w.blocks(it.Blocks)
		w.raw("}")
	}
	w.raw("]}")
}

func (w *articleWriter) table(t *Table) {
	w.raw(`{"type":"table","align":[`)
	for i, a := range t.Align {
		if i > 0 {
			w.raw(",")
		}
		if !validAlign(a) {
			w.fail("unknown table alignment %q", a)
		}
		w.str(string(a))
	}
	w.raw(`],"header":`)
	w.cells(t.Header)
	w.key("rows")
	w.raw("[")
	for i, r := range t.Rows {
		if i > 0 {
			w.raw(",")
		}
		w.cells(r)
	}
	w.raw("]}")
}

func (w *articleWriter) cells(cells []Cell) {
	w.raw("[")
	for i, c := range cells {
		if i > 0 {
			w.raw(",")
		}
		w.inlines(c.Text)
	}
	w.raw("]")
}

func (w *articleWriter) inlines(in []Inline) {
	w.raw("[")
	for i, x := range in {
		if i > 0 {
			w.raw(",")
		}
		w.inline(x)
	}
	w.raw("]")
}

func (w *articleWriter) inline(x Inline) {
	switch x := x.(type) {
	case *Text:
		if x != nil {
			w.raw(`{"type":"text","text":`)
			w.str(x.Text)
			w.raw("}")
			return
		}
	case *Emphasis:
		if x != nil {
			w.raw(`{"type":"emphasis","children":`)
			w.inlines(x.Text)
			w.raw("}")
			return
		}
	case *Strong:
		if x != nil {
			w.raw(`{"type":"strong","children":`)
			w.inlines(x.Text)
			w.raw("}")
			return
		}
	case *Strike:
		if x != nil {
			w.raw(`{"type":"strike","children":`)
			w.inlines(x.Text)
			w.raw("}")
			return
		}
	case *CodeSpan:
		if x != nil {
			w.raw(`{"type":"code","text":`)
			w.str(x.Text)
			w.raw("}")
			return
		}
	case *Link:
		if x != nil {
			w.raw(`{"type":"link","href":`)
			w.str(x.Href)
			if x.Title != "" {
				w.keyStr("title", x.Title)
			}
			w.key("children")
			w.inlines(x.Text)
			w.raw("}")
			return
		}
	case *Image:
		if x != nil {
			w.raw(`{"type":"image","src":`)
			w.str(x.Src)
			w.keyStr("alt", x.Alt)
			if x.Title != "" {
				w.keyStr("title", x.Title)
			}
			w.raw("}")
			return
		}
	case *LineBreak:
		if x != nil {
			w.raw(`{"type":"break"}`)
			return
		}
	case *FootnoteRef:
		if x != nil {
			w.raw(`{"type":"footnote_ref","label":`)
			w.str(x.Label)
			w.raw("}")
			return
		}
	}
	w.fail("nil inline %T", x)
	w.raw("null")
}

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
			if c >= 0x20 && c != '"' && c != '\\' {
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

func validFrontMatterFormat(f Format) bool {
	return f == FormatNone || f == FormatYAML || f == FormatTOML || f == FormatJSON
}

func validBodyFormat(f Format) bool {
	return f == FormatNone || f == FormatMarkdown || f == FormatHTML
}

func validAlign(a Align) bool {
	return a == AlignNone || a == AlignLeft || a == AlignCenter || a == AlignRight
}

package render

import (
	"strconv"
	"time"

	"github.com/articlekit/article"
)

// A jsonWriter appends an article's JSON form, indented by two spaces, to
// b. It writes what [article.Article.MarshalJSON] writes, key for key, and
// lays it out as json.Indent would: every member and element on a line
// of its own, "key": value, and [] for an empty array. (The schema has no
// empty object.) Where MarshalJSON would fail it sets bad and goes on.
type jsonWriter struct {
	b     []byte
	depth int
	bad   bool
}

// newlineIndent is a newline and the indentation of the first depths.
const newlineIndent = "\n                                                                "

// newline starts a line at the current depth.
func (w *jsonWriter) newline() {
	if n := 1 + 2*w.depth; n <= len(newlineIndent) {
		w.b = append(w.b, newlineIndent[:n]...)
		return
	}
	w.b = append(w.b, newlineIndent...)
	for range w.depth - (len(newlineIndent)-1)/2 {
		w.b = append(w.b, "  "...)
	}
}

// open starts an object or an array; close ends one that is not empty.
func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	w.newline()
	w.b = append(w.b, c)
}

// key starts the member name of an object; first tells the object's first.
func (w *jsonWriter) key(name string, first bool) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.newline()
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, `": `...)
}

// item starts an element of an array; first tells the array's first.
func (w *jsonWriter) item(first bool) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.newline()
}

func (w *jsonWriter) str(s string)       { w.b = appendJSONString(w.b, s) }
func (w *jsonWriter) boolean(v bool)     { w.b = strconv.AppendBool(w.b, v) }
func (w *jsonWriter) int(v int)          { w.b = strconv.AppendInt(w.b, int64(v), 10) }
func (w *jsonWriter) empty()             { w.b = append(w.b, "[]"...) }
func (w *jsonWriter) keyStr(k, s string) { w.key(k, false); w.str(s) }

func (w *jsonWriter) article(a *article.Article) {
	w.open('{')
	w.key("schema_version", true)
	w.int(1)
	w.keyStr("title", a.Title)
	w.key("date", false)
	w.time(a.Date)
	w.key("date_zone_assumed", false)
	w.boolean(a.DateZoneAssumed)
	w.key("lastmod", false)
	w.time(a.Lastmod)
	w.key("publish_date", false)
	w.time(a.PublishDate)
	w.keyStr("layout", a.Layout)
	w.keyStr("slug", a.Slug)
	w.keyStr("permalink", a.Permalink)
	w.key("categories", false)
	w.strings(a.Categories)
	w.key("tags", false)
	w.strings(a.Tags)
	w.key("authors", false)
	w.strings(a.Authors)
	w.key("aliases", false)
	w.strings(a.Aliases)
	w.key("draft", false)
	w.boolean(a.Draft)
	w.keyStr("summary", a.Summary)
	w.keyStr("source", a.Source)
	w.keyStr("source_url", a.SourceURL)
	w.keyStr("credit", a.Credit)
	w.key("nav", false)
	if len(a.Nav) == 0 {
		w.empty()
	} else {
		w.open('[')
		for i, n := range a.Nav {
			w.item(i == 0)
			w.open('{')
			w.key("text", true)
			w.str(n.Text)
			w.keyStr("href", n.Href)
			w.close('}')
		}
		w.close(']')
	}
	w.key("front_matter", false)
	fm := a.FrontMatter.Format
	if fm != article.FormatNone && fm != article.FormatYAML && fm != article.FormatTOML && fm != article.FormatJSON {
		w.bad = true
	}
	w.open('{')
	w.key("format", true)
	w.str(string(fm))
	w.key("fields", false)
	w.fields(a.FrontMatter.Fields)
	w.close('}')
	if bf := a.BodyFormat; bf != article.FormatNone && bf != article.FormatMarkdown && bf != article.FormatHTML {
		w.bad = true
	}
	w.keyStr("body_format", string(a.BodyFormat))
	w.key("body", false)
	w.blocks(a.Body)
	w.close('}')
}

// time writes t in RFC 3339 with its own offset, or null when t is zero.
func (w *jsonWriter) time(t time.Time) {
	if t.IsZero() {
		w.b = append(w.b, "null"...)
		return
	}
	if y := t.Year(); y < 0 || y > 9999 {
		w.bad = true
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

func (w *jsonWriter) strings(list []string) {
	if len(list) == 0 {
		w.empty()
		return
	}
	w.open('[')
	for i, s := range list {
		w.item(i == 0)
		w.str(s)
	}
	w.close(']')
}

func (w *jsonWriter) fields(fields []article.Field) {
	if len(fields) == 0 {
		w.empty()
		return
	}
	w.open('[')
	for i, f := range fields {
		w.item(i == 0)
		w.open('{')
		w.key("key", true)
		w.str(f.Key)
		w.key("value", false)
		w.value(f.Value)
		w.close('}')
	}
	w.close(']')
}

// value writes v faithfully: text for every scalar, list or map for the
// composites, and text on a composite too in the unlikely case it has
// one.
func (w *jsonWriter) value(v article.Value) {
	w.open('{')
	w.key("kind", true)
	w.str(string(v.Kind))
	switch v.Kind {
	case article.KindNull, article.KindString, article.KindInt, article.KindFloat, article.KindBool, article.KindTime:
		w.keyStr("text", v.Text)
	case article.KindList:
		if v.Text != "" {
			w.keyStr("text", v.Text)
		}
		w.key("list", false)
		if len(v.List) == 0 {
			w.empty()
		} else {
			w.open('[')
			for i, e := range v.List {
				w.item(i == 0)
				w.value(e)
			}
			w.close(']')
		}
	case article.KindMap:
		if v.Text != "" {
			w.keyStr("text", v.Text)
		}
		w.key("map", false)
		w.fields(v.Map)
	default:
		w.bad = true
	}
	w.close('}')
}

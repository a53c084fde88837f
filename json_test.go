package article_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/articlekit/article"
)

// jsonTestArticles are hand-built articles that between them hold every
// block, inline and value kind, and dates in several zones. Empty lists
// are nil, as UnmarshalJSON gives them back.
func jsonTestArticles() map[string]*article.Article {
	yes, no := true, false
	cst := time.FixedZone("CST", 8*3600)
	brt := time.FixedZone("", -3*3600)
	return map[string]*article.Article{
		"zero": {},
		"finews": {
			Title:       "锚定目标谋发展 多样招商绘蓝图",
			Date:        time.Date(2022, 1, 23, 20, 41, 5, 0, cst),
			Categories:  []string{"guojishangbao"},
			Tags:        []string{"国际商报新闻"},
			Slug:        "NW202201232257819497",
			Source:      "国际商报",
			SourceURL:   "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202201232257819497",
			Credit:      "（文章来源：国际商报）",
			Nav:         []article.NavLink{{Text: "返回首页", Href: "/"}, {Text: "上一篇", Href: "/prev.html?a=1&b=2"}},
			FrontMatter: article.FrontMatter{Format: article.FormatYAML, Fields: []article.Field{{Key: "title", Value: article.Value{Kind: article.KindString, Text: "锚定目标谋发展 多样招商绘蓝图", Line: 2, Col: 8}}, {Key: "date", Value: article.Value{Kind: article.KindString, Text: "2022-01-23 20:41:05 +0800"}}}},
			BodyFormat:  article.FormatHTML,
			Body:        []article.Block{&article.Paragraph{Text: []article.Inline{&article.Text{Text: "　　中新经纬1月23日电", Pos: article.Pos{Line: 9, Col: 4}}}}},
		},
		"everything": {
			Title:           `Quotes " and \ and <b>&amp;</b>, a tab	and a line` + "\n\u2028\u2029\x01 😀",
			Date:            time.Date(2021, 12, 8, 10, 46, 18, 0, time.UTC),
			DateZoneAssumed: true,
			Lastmod:         time.Date(2023, 3, 4, 5, 6, 7, 890000000, brt),
			PublishDate:     time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC),
			Layout:          "post",
			Permalink:       "/:year/:title/",
			Authors:         []string{"Ana", "李雷"},
			Aliases:         []string{"/old/"},
			Draft:           true,
			Summary:         "A summary.",
			FrontMatter: article.FrontMatter{Format: article.FormatTOML, Fields: []article.Field{
				{Key: "null", Value: article.Value{Kind: article.KindNull, Text: "~"}},
				{Key: "string", Value: article.Value{Kind: article.KindString, Text: "text"}},
				{Key: "int", Value: article.Value{Kind: article.KindInt, Text: "0x1F"}},
				{Key: "float", Value: article.Value{Kind: article.KindFloat, Text: "1e3"}},
				{Key: "bool", Value: article.Value{Kind: article.KindBool, Text: "yes"}},
				{Key: "time", Value: article.Value{Kind: article.KindTime, Text: "1979-05-27T07:32:00-08:00"}},
				{Key: "list", Value: article.Value{Kind: article.KindList, List: []article.Value{
					{Kind: article.KindString, Text: "a"},
					{Kind: article.KindList, List: []article.Value{{Kind: article.KindInt, Text: "1"}}},
					{Kind: article.KindList, List: []article.Value{}},
				}}},
				{Key: "map", Value: article.Value{Kind: article.KindMap, Map: []article.Field{
					{Key: "z", Value: article.Value{Kind: article.KindBool, Text: "false"}},
					{Key: "a", Value: article.Value{Kind: article.KindMap, Map: []article.Field{{Key: "deep", Value: article.Value{Kind: article.KindString}}}}},
					{Key: "empty", Value: article.Value{Kind: article.KindMap, Map: []article.Field{}}},
				}}},
			}},
			BodyFormat: article.FormatMarkdown,
			Body: []article.Block{
				&article.Heading{Level: 1, Text: []article.Inline{&article.Text{Text: "Title"}}},
				&article.Paragraph{Text: []article.Inline{
					&article.Text{Text: "plain "},
					&article.Emphasis{Text: []article.Inline{&article.Text{Text: "em"}}},
					&article.Strong{Text: []article.Inline{&article.Strike{Text: []article.Inline{&article.Text{Text: "gone"}}}}},
					&article.CodeSpan{Text: "x := `y`"},
					&article.Link{Href: "https://example.com/?a=1&b=2", Title: "Example", Text: []article.Inline{&article.Text{Text: "link"}}},
					&article.Link{Href: "/bare"},
					&article.LineBreak{},
					&article.Image{Src: "a.png", Alt: "an image", Title: "t"},
					&article.Image{Src: "b.png"},
					&article.FootnoteRef{Label: "1"},
				}},
				&article.List{Items: []*article.ListItem{
					{Blocks: []article.Block{&article.Paragraph{Text: []article.Inline{&article.Text{Text: "one"}}}}},
					{Task: &yes, Blocks: []article.Block{&article.Paragraph{Text: []article.Inline{&article.Text{Text: "done"}}}}},
					{Task: &no},
				}},
				&article.List{Ordered: true, Start: 3, Loose: true, Items: []*article.ListItem{
					{Blocks: []article.Block{&article.List{Items: []*article.ListItem{{}}}}},
				}},
				&article.Quote{Blocks: []article.Block{&article.Quote{}, &article.Paragraph{}}},
				&article.Code{Language: "go", Text: "fmt.Println(\"<hi>\")\n"},
				&article.Code{},
				&article.Table{
					Align:  []article.Align{article.AlignNone, article.AlignLeft, article.AlignCenter, article.AlignRight},
					Header: []article.Cell{{Text: []article.Inline{&article.Text{Text: "a"}}}, {}, {}, {}},
					Rows: [][]article.Cell{
						{{}, {Text: []article.Inline{&article.Strong{Text: []article.Inline{&article.Text{Text: "b"}}}}}, {}, {}},
					},
				},
				&article.Figure{Image: article.Image{Src: "fig.jpg", Alt: "fig", Title: "T"}, Caption: []article.Inline{&article.Text{Text: "caption"}}},
				&article.Figure{Image: article.Image{Src: "bare.jpg"}},
				&article.Figure{Image: article.Image{Src: "thumb.jpg", Alt: "thumb"}, Link: "/full.jpg?a=1&b=2", LinkTitle: "Full \"size\""},
				&article.Rule{},
				&article.HTML{Text: "<!--more-->"},
				&article.Footnote{Label: "1", Blocks: []article.Block{&article.Paragraph{Text: []article.Inline{&article.Text{Text: "note"}}}}},
			},
		},
		"zones": {
			Date:        time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(3*3600+30*60))),
			Lastmod:     time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
			PublishDate: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", 14*3600)),
		},
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for name, a := range jsonTestArticles() {
		t.Run(name, func(t *testing.T) {
			data, err := a.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(data) {
				t.Fatalf("invalid JSON:\n%s", data)
			}
			var got article.Article
			if err := got.UnmarshalJSON(data); err != nil {
				t.Fatalf("UnmarshalJSON: %v\n%s", err, data)
			}
			if !got.Equal(a) {
				t.Errorf("round trip differs:\ngot  %+v\nwant %+v\njson %s", got, *a, data)
			}
			if got.BodyFormat != a.BodyFormat {
				t.Errorf("BodyFormat = %q, want %q", got.BodyFormat, a.BodyFormat)
			}
			again, err := got.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, data) {
				t.Errorf("re-encoding differs:\nfirst  %s\nsecond %s", data, again)
			}
			// Through encoding/json too: it escapes HTML, and must read
			// the result back the same.
			viaStd, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			var got2 article.Article
			if err := json.Unmarshal(viaStd, &got2); err != nil {
				t.Fatal(err)
			}
			if !got2.Equal(a) {
				t.Errorf("round trip through encoding/json differs")
			}
		})
	}
}

func TestJSONShape(t *testing.T) {
	arts := jsonTestArticles()
	tests := []struct {
		article string
		want    []string // substrings of the compact output, in order
	}{
		{"zero", []string{`{"schema_version":1,"title":"","date":null,"date_zone_assumed":false,"lastmod":null,"publish_date":null,"layout":"","slug":"","permalink":"","categories":[],"tags":[],"authors":[],"aliases":[],"draft":false,"summary":"","source":"","source_url":"","credit":"","nav":[],"front_matter":{"format":"","fields":[]},"body_format":"","body":[]}`}},
		{"finews", []string{`"date":"2022-01-23T20:41:05+08:00"`, `"nav":[{"text":"返回首页","href":"/"},{"text":"上一篇","href":"/prev.html?a=1&b=2"}]`, `{"key":"title","value":{"kind":"string","text":"锚定目标谋发展 多样招商绘蓝图"}}`, `"body":[{"type":"paragraph","text":[{"type":"text","text":"　　中新经纬1月23日电"}]}]`}},
		{"everything", []string{
			`"title":"Quotes \" and \\ and <b>&amp;</b>, a tab\tand a line\n\u2028\u2029\u0001 😀"`,
			`"date":"2021-12-08T10:46:18Z","date_zone_assumed":true,"lastmod":"2023-03-04T05:06:07.89-03:00","publish_date":"2020-02-29T00:00:00Z"`,
			`{"key":"null","value":{"kind":"null","text":"~"}}`,
			`{"key":"list","value":{"kind":"list","list":[{"kind":"string","text":"a"},{"kind":"list","list":[{"kind":"int","text":"1"}]},{"kind":"list","list":[]}]}}`,
			`{"key":"empty","value":{"kind":"map","map":[]}}`,
			`{"type":"heading","level":1,"text":[{"type":"text","text":"Title"}]}`,
			`{"type":"link","href":"https://example.com/?a=1&b=2","title":"Example","children":[{"type":"text","text":"link"}]},{"type":"link","href":"/bare","children":[]},{"type":"break"},{"type":"image","src":"a.png","alt":"an image","title":"t"},{"type":"image","src":"b.png","alt":""},{"type":"footnote_ref","label":"1"}`,
			`{"type":"list","ordered":false,"start":0,"loose":false,"items":[{"blocks":[{"type":"paragraph"`,
			`{"task":true,"blocks":[`, `{"task":false,"blocks":[]}`,
			`{"type":"code","language":"go","text":"fmt.Println(\"<hi>\")\n"}`,
			`{"type":"table","align":["","left","center","right"],"header":[[{"type":"text","text":"a"}],[],[],[]],"rows":[[[],[{"type":"strong","children":[{"type":"text","text":"b"}]}],[],[]]]}`,
			`{"type":"figure","image":{"src":"bare.jpg","alt":"","title":""},"link":"","link_title":"","caption":[]}`,
			`{"type":"figure","image":{"src":"thumb.jpg","alt":"thumb","title":""},"link":"/full.jpg?a=1&b=2","link_title":"Full \"size\"","caption":[]}`,
			`{"type":"rule"},{"type":"html","text":"<!--more-->"},{"type":"footnote","label":"1","blocks":[`,
		}},
		{"zones", []string{`"date":"2000-01-01T00:00:00-03:30"`, `"lastmod":"0001-01-01T00:00:01Z"`, `"publish_date":"9999-12-31T23:59:59.999999999+14:00"`}},
	}
	for _, tt := range tests {
		data, err := arts[tt.article].MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		rest := string(data)
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: output lacks (in order) %s\noutput: %s", tt.article, w, data)
				break
			}
			rest = rest[i+len(w):]
		}
	}
}

// TestJSONStrings checks that strings are escaped as encoding/json escapes
// them with HTML escaping off.
func TestJSONStrings(t *testing.T) {
	for _, s := range []string{"", "plain", "<>&", "\x00\x1f\x7f", "\b\f\n\r\t", `"\`, "bad \xff utf8 \xe4\xb8", "\u2028\u2029", "全角，标点。", "🙂"} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		data, err := (&article.Article{Title: s}).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		got, _, _ := strings.Cut(strings.TrimPrefix(string(data), `{"schema_version":1,"title":`), `,"date":`)
		if w := strings.TrimSuffix(want.String(), "\n"); got != w {
			t.Errorf("title %q: got %s, want %s", s, got, w)
		}
	}
}

func TestJSONDecodeErrors(t *testing.T) {
	const head = `{"schema_version":1,`
	tests := []struct {
		in, want string
	}{
		{`{"title":"x"}`, "no schema_version"},
		{`{"schema_version":2}`, "schema_version 2"},
		{`[]`, "article: json: "},
		{head + `"body":[{"type":"paragraph"},{"type":"video","src":"a.mp4"}]}`, `body[1]: unknown block type "video"`},
		{head + `"body":[{"text":"no type"}]}`, `body[0]: unknown block type ""`},
		{head + `"body":[{"type":"list","items":[{"blocks":[{"type":"quote","blocks":[{"type":"aside"}]}]}]}]}`, `body[0].items[0].blocks[0].blocks[0]: unknown block type "aside"`},
		{head + `"body":[{"type":"paragraph","text":[{"type":"strong","children":[{"type":"sup"}]}]}]}`, `body[0].text[0].children[0]: unknown inline type "sup"`},
		{head + `"body":[{"type":"table","rows":[[[],[{"type":"blink"}]]]}]}`, `body[0].rows[0][1][0]: unknown inline type "blink"`},
		{head + `"body":[{"type":"table","align":["justify"]}]}`, `body[0].align[0]: unknown alignment "justify"`},
		{head + `"body":[{"type":"heading","level":7}]}`, `body[0]: heading level 7`},
		{head + `"body":[{"type":"figure","image":{"src":"a.png"},"link_title":"T"}]}`, `body[0].link_title: link_title without a link`},
		{head + `"body":[{"type":"paragraph","text":"a string"}]}`, `body[0].text: text is not an array of inlines`},
		{head + `"body":[{"type":"code","text":[]}]}`, `body[0].text: text is not a string`},
		{head + `"front_matter":{"fields":[{"key":"a","value":{"kind":"list","list":[{"kind":"set"}]}}]}}`, `front_matter.fields[0].value.list[0]: unknown value kind "set"`},
		{head + `"front_matter":{"fields":[{"key":"a","value":{"kind":"map","map":[{"key":"b","value":{}}]}}]}}`, `front_matter.fields[0].value.map[0].value: unknown value kind ""`},
		{head + `"front_matter":{"format":"ini"}}`, `front_matter.format: unknown format "ini"`},
		{head + `"body_format":"rst"}`, `body_format: unknown format "rst"`},
		{head + `"date":"2022-01-23 20:41:05 +0800"}`, `date: "2022-01-23 20:41:05 +0800" is not an RFC 3339 date`},
		{head + `"lastmod":"2022-01-23"}`, `lastmod: "2022-01-23" is not an RFC 3339 date`},
	}
	for _, tt := range tests {
		a := article.Article{Title: "unchanged"}
		err := a.UnmarshalJSON([]byte(tt.in))
		if err == nil {
			t.Errorf("%s: no error, want %q", tt.in, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "article: json: ") {
			t.Errorf("%s:\ngot error  %v\nwant one with %q", tt.in, err, tt.want)
		}
		if a.Title != "unchanged" {
			t.Errorf("%s: a failed decode changed the article", tt.in)
		}
	}
}

// TestJSONDecodeLenient checks what a reader forgives: unknown keys (a
// later schema may add some), missing keys, null lists and dates.
func TestJSONDecodeLenient(t *testing.T) {
	in := `{"schema_version":1,"title":"t","future":{"x":[1,2]},"date":null,"tags":null,
		"nav":[{"text":"home","href":"/","rel":"up"}],
		"body":[{"type":"paragraph","id":"p1","text":[{"type":"text","text":"hi","lang":"en"}]},{"type":"rule","extra":true}]}`
	var got article.Article
	if err := got.UnmarshalJSON([]byte(in)); err != nil {
		t.Fatal(err)
	}
	want := &article.Article{
		Title: "t",
		Nav:   []article.NavLink{{Text: "home", Href: "/"}},
		Body:  []article.Block{&article.Paragraph{Text: []article.Inline{&article.Text{Text: "hi"}}}, &article.Rule{}},
	}
	if !got.Equal(want) {
		t.Errorf("got %+v, want %+v", got, *want)
	}
	a := article.Article{Title: "kept"}
	if err := json.Unmarshal([]byte("null"), &a); err != nil || a.Title != "kept" {
		t.Errorf("null: err %v, title %q; want no error and no change", err, a.Title)
	}
}

func TestJSONEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		a    *article.Article
		want string
	}{
		{"nil block", &article.Article{Body: []article.Block{nil}}, "nil block"},
		{"typed nil block", &article.Article{Body: []article.Block{(*article.Paragraph)(nil)}}, "nil block *article.Paragraph"},
		{"nil inline", &article.Article{Body: []article.Block{&article.Paragraph{Text: []article.Inline{(*article.Text)(nil)}}}}, "nil inline *article.Text"},
		{"nil item", &article.Article{Body: []article.Block{&article.List{Items: []*article.ListItem{nil}}}}, "nil list item"},
		{"kind", &article.Article{FrontMatter: article.FrontMatter{Fields: []article.Field{{Key: "k"}}}}, `unknown front matter value kind ""`},
		{"format", &article.Article{FrontMatter: article.FrontMatter{Format: article.FormatHTML}}, `unknown front matter format "html"`},
		{"body format", &article.Article{BodyFormat: article.FormatYAML}, `unknown body format "yaml"`},
		{"align", &article.Article{Body: []article.Block{&article.Table{Align: []article.Align{"top"}}}}, `unknown table alignment "top"`},
		{"level", &article.Article{Body: []article.Block{&article.Heading{}}}, "heading level 0"},
		{"year", &article.Article{Lastmod: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, "lastmod: year 10000"},
	}
	for _, tt := range tests {
		data, err := tt.a.MarshalJSON()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %s, %v; want error with %q", tt.name, data, err, tt.want)
		}
	}
}

// TestJSONOffsetSeconds checks a local-mean-time offset, which RFC 3339
// cannot write: the instant survives and the offset loses its seconds.
func TestJSONOffsetSeconds(t *testing.T) {
	lmt := time.FixedZone("LMT", 8*3600+5*60+43)
	a := &article.Article{Date: time.Date(1900, 1, 1, 0, 0, 0, 0, lmt)}
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `"date":"1899-12-31T23:59:17+08:05"`; !strings.Contains(string(data), want) {
		t.Errorf("got %s, want it to contain %s", data, want)
	}
	var got article.Article
	if err := got.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if !got.Date.Equal(a.Date) {
		t.Errorf("instant %v, want %v", got.Date, a.Date)
	}
}

// TestJSONTimeZoneIndependent checks that time.Local leaks into neither
// the output nor the decoded dates.
func TestJSONTimeZoneIndependent(t *testing.T) {
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	a := jsonTestArticles()["everything"]
	a.Date = time.Date(2022, 1, 23, 20, 41, 5, 0, time.FixedZone("", 8*3600))
	a.PublishDate = time.Date(2022, 1, 23, 12, 41, 5, 0, time.UTC)

	var outputs [][]byte
	for _, local := range []*time.Location{time.FixedZone("GMT", 0), time.FixedZone("CST", 8*3600), time.FixedZone("BRT", -3*3600)} {
		time.Local = local
		data, err := a.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, data)
		var got article.Article
		if err := got.UnmarshalJSON(data); err != nil {
			t.Fatal(err)
		}
		for _, d := range []time.Time{got.Date, got.Lastmod, got.PublishDate} {
			if d.Location() == time.Local {
				t.Errorf("Local %v: decoded date %v is in time.Local", local, d)
			}
		}
		if got.PublishDate.Location() != time.UTC {
			t.Errorf("Local %v: Z decoded as %v, want UTC", local, got.PublishDate.Location())
		}
		if !got.Equal(a) {
			t.Errorf("Local %v: round trip differs", local)
		}
		again, _ := got.MarshalJSON()
		if !bytes.Equal(again, data) {
			t.Errorf("Local %v: re-encoding differs", local)
		}
	}
	for _, o := range outputs[1:] {
		if !bytes.Equal(o, outputs[0]) {
			t.Errorf("output depends on time.Local:\n%s\n%s", outputs[0], o)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	a := jsonTestArticles()["everything"]
	data, err := a.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Marshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := a.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var got article.Article
			if err := got.UnmarshalJSON(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

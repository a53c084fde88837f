package render_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func ExampleJSON() {
	a := &article.Article{
		Title:      "锚定目标谋发展",
		Date:       time.Date(2022, 1, 23, 20, 41, 5, 0, time.FixedZone("", 8*3600)),
		Tags:       []string{"国际商报新闻"},
		Slug:       "NW202201232257819497",
		Source:     "国际商报",
		Nav:        []article.NavLink{{Text: "返回首页", Href: "/"}},
		BodyFormat: article.FormatMarkdown,
		FrontMatter: article.FrontMatter{
			Format: article.FormatYAML,
			Fields: []article.Field{
				{Key: "title", Value: article.Value{Kind: article.KindString, Text: "锚定目标谋发展"}},
				{Key: "date", Value: article.Value{Kind: article.KindString, Text: "2022-01-23 20:41:05 +0800"}},
			},
		},
		Body: []article.Block{
			&article.Paragraph{Text: []article.Inline{
				&article.Text{Text: "中新经纬1月23日电 "},
				&article.Strong{Text: []article.Inline{&article.Text{Text: "<招商>"}}},
			}},
		},
	}
	if err := render.JSON(os.Stdout, a); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "schema_version": 1,
	//   "title": "锚定目标谋发展",
	//   "date": "2022-01-23T20:41:05+08:00",
	//   "date_zone_assumed": false,
	//   "lastmod": null,
	//   "publish_date": null,
	//   "layout": "",
	//   "slug": "NW202201232257819497",
	//   "permalink": "",
	//   "categories": [],
	//   "tags": [
	//     "国际商报新闻"
	//   ],
	//   "authors": [],
	//   "aliases": [],
	//   "draft": false,
	//   "summary": "",
	//   "source": "国际商报",
	//   "source_url": "",
	//   "credit": "",
	//   "nav": [
	//     {
	//       "text": "返回首页",
	//       "href": "/"
	//     }
	//   ],
	//   "front_matter": {
	//     "format": "yaml",
	//     "fields": [
	//       {
	//         "key": "title",
	//         "value": {
	//           "kind": "string",
	//           "text": "锚定目标谋发展"
	//         }
	//       },
	//       {
	//         "key": "date",
	//         "value": {
	//           "kind": "string",
	//           "text": "2022-01-23 20:41:05 +0800"
	//         }
	//       }
	//     ]
	//   },
	//   "body_format": "markdown",
	//   "body": [
	//     {
	//       "type": "paragraph",
	//       "text": [
	//         {
	//           "type": "text",
	//           "text": "中新经纬1月23日电 "
	//         },
	//         {
	//           "type": "strong",
	//           "children": [
	//             {
	//               "type": "text",
	//               "text": "<招商>"
	//             }
	//           ]
	//         }
	//       ]
	//     }
	//   ]
	// }
}

// jsonSchema compiles schema/article.schema.json.
func jsonSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "schema", "article.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// checkJSON renders a, checks that the output is MarshalJSON's indented,
// validates it against the schema, reads it back and checks that it gives
// an equal article and the same bytes.
func checkJSON(t *testing.T, sch *jsonschema.Schema, name string, a *article.Article) {
	t.Helper()
	var buf bytes.Buffer
	if err := render.JSON(&buf, a); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	out := buf.Bytes()
	// JSON writes the indented form itself; it must stay MarshalJSON's.
	compact, err := a.MarshalJSON()
	if err != nil {
		t.Errorf("%s: MarshalJSON: %v", name, err)
		return
	}
	var indented bytes.Buffer
	json.Indent(&indented, compact, "", "  ")
	indented.WriteByte('\n')
	if !bytes.Equal(out, indented.Bytes()) {
		t.Errorf("%s: output is not MarshalJSON's indented:\n%s\nwant\n%s", name, out, indented.Bytes())
	}
	if !bytes.HasSuffix(out, []byte("}\n")) || bytes.HasSuffix(out, []byte("\n\n")) {
		t.Errorf("%s: output does not end in exactly one newline", name)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s: output does not match the schema: %v", name, err)
	}
	var back article.Article
	if err := json.Unmarshal(out, &back); err != nil {
		t.Errorf("%s: reading the output back: %v", name, err)
		return
	}
	if !back.Equal(a) {
		t.Errorf("%s: the output reads back as a different article", name)
	}
	var again bytes.Buffer
	if err := render.JSON(&again, &back); err != nil {
		t.Errorf("%s: %v", name, err)
	} else if !bytes.Equal(again.Bytes(), out) {
		t.Errorf("%s: rendering what was read back gives other bytes", name)
	}
}

// schemaTestArticles hold between them every block, inline and value kind,
// and dates with and without offsets.
func schemaTestArticles() map[string]*article.Article {
	yes := true
	text := func(s string) []article.Inline { return []article.Inline{&article.Text{Text: s}} }
	return map[string]*article.Article{
		"zero": {},
		"everything": {
			Title:           "All <kinds> & \"quotes\"",
			Date:            time.Date(2021, 12, 8, 10, 46, 18, 0, time.UTC),
			DateZoneAssumed: true,
			Lastmod:         time.Date(2023, 3, 4, 5, 6, 7, 500, time.FixedZone("", -3*3600)),
			PublishDate:     time.Date(2022, 1, 23, 20, 41, 5, 0, time.FixedZone("", 8*3600)),
			Layout:          "post",
			Slug:            "all",
			Permalink:       "/all/",
			Categories:      []string{"a", "b"},
			Tags:            []string{"t"},
			Authors:         []string{"Ana"},
			Aliases:         []string{"/old/"},
			Draft:           true,
			Summary:         "s",
			Source:          "国际商报",
			SourceURL:       "http://example.com/",
			Credit:          "（文章来源：国际商报）",
			Nav:             []article.NavLink{{Text: "返回首页", Href: "/"}},
			FrontMatter: article.FrontMatter{Format: article.FormatTOML, Fields: []article.Field{
				{Key: "n", Value: article.Value{Kind: article.KindNull, Text: "null"}},
				{Key: "s", Value: article.Value{Kind: article.KindString, Text: "x"}},
				{Key: "i", Value: article.Value{Kind: article.KindInt, Text: "1"}},
				{Key: "f", Value: article.Value{Kind: article.KindFloat, Text: "1.5"}},
				{Key: "b", Value: article.Value{Kind: article.KindBool, Text: "true"}},
				{Key: "t", Value: article.Value{Kind: article.KindTime, Text: "2022-01-23"}},
				{Key: "l", Value: article.Value{Kind: article.KindList, List: []article.Value{{Kind: article.KindList, List: []article.Value{}}}}},
				{Key: "m", Value: article.Value{Kind: article.KindMap, Map: []article.Field{
					{Key: "k", Value: article.Value{Kind: article.KindMap, Map: []article.Field{}}},
				}}},
			}},
			BodyFormat: article.FormatHTML,
			Body: []article.Block{
				&article.Heading{Level: 2, Text: text("h")},
				&article.Paragraph{Text: []article.Inline{
					&article.Emphasis{Text: text("e")},
					&article.Strong{Text: text("s")},
					&article.Strike{Text: text("d")},
					&article.CodeSpan{Text: "c"},
					&article.Link{Href: "/l", Title: "T", Text: text("l")},
					&article.Image{Src: "i.png", Alt: "i", Title: "T"},
					&article.Image{Src: "j.png"},
					&article.LineBreak{},
					&article.FootnoteRef{Label: "1"},
				}},
				&article.List{Ordered: true, Start: 2, Loose: true, Items: []*article.ListItem{
					{Task: &yes, Blocks: []article.Block{&article.Paragraph{Text: text("x")}}},
					{},
				}},
				&article.Quote{Blocks: []article.Block{&article.Rule{}}},
				&article.Code{Language: "go", Text: "x\n"},
				&article.Table{
					Align:  []article.Align{article.AlignNone, article.AlignRight},
					Header: []article.Cell{{Text: text("a")}, {}},
					Rows:   [][]article.Cell{{{}, {Text: text("b")}}},
				},
				&article.Figure{Image: article.Image{Src: "f.jpg", Alt: "f"}, Caption: text("cap")},
				&article.Figure{Image: article.Image{Src: "g.jpg", Alt: "g"}, Link: "/g-full.jpg", LinkTitle: "G"},
				&article.HTML{Text: "<!--more-->"},
				&article.Footnote{Label: "1", Blocks: []article.Block{&article.Paragraph{Text: text("n")}}},
			},
		},
	}
}

// TestJSONSchema validates the output for hand-built articles against
// schema/article.schema.json.
func TestJSONSchema(t *testing.T) {
	sch := jsonSchema(t)
	for name, a := range schemaTestArticles() {
		checkJSON(t, sch, name, a)
	}
}

// TestJSONSchemaRejects checks that the schema is not so loose that it
// accepts anything: each edit of valid output must be refused.
func TestJSONSchemaRejects(t *testing.T) {
	sch := jsonSchema(t)
	var buf bytes.Buffer
	if err := render.JSON(&buf, schemaTestArticles()["everything"]); err != nil {
		t.Fatal(err)
	}
	valid := buf.String()
	edits := []struct{ old, new string }{
		{`"schema_version": 1`, `"schema_version": 2`},
		{`"tags": [`, `"tag": [`},
		{`"date": "2021-12-08T10:46:18Z"`, `"date": "2021-12-08 10:46:18"`},
		{`"type": "rule"`, `"type": "hr"`},
		{`"type": "break"`, `"type": "br"`},
		{`"kind": "int"`, `"kind": "integer"`},
		{`"level": 2`, `"level": 7`},
		{`"format": "toml"`, `"format": "ini"`},
		{`"draft": true`, `"draft": "yes"`},
	}
	for _, e := range edits {
		if !strings.Contains(valid, e.old) {
			t.Fatalf("output lacks %s", e.old)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(valid, e.old, e.new, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("schema accepts %s in place of %s", e.new, e.old)
		}
	}
}

// TestJSONCorpus renders every article of ../../shared/corpus that parses
// and validates the output against the schema; see checkJSON.
func TestJSONCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus at %s (it is not part of the repository): %v", dir, err)
	}
	sch := jsonSchema(t)
	var parsed, refused int
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
		default:
			return nil
		}
		a, err := article.ParseFile(path)
		if err != nil {
			refused++
			return nil
		}
		parsed++
		checkJSON(t, sch, path, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if parsed == 0 {
		t.Fatalf("no article of %s parses", dir)
	}
	t.Logf("%d articles rendered and validated, %d refused by the parser", parsed, refused)
}

func TestJSONErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := render.JSON(&buf, nil); err == nil {
		t.Error("nil article: no error")
	}
	bad := &article.Article{Body: []article.Block{&article.Heading{Level: 9}}}
	err := render.JSON(&buf, bad)
	var me *json.MarshalerError
	if err == nil || errors.As(err, &me) || !strings.HasPrefix(err.Error(), "article: json: ") {
		t.Errorf("bad heading: got %v, want the article's own error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q on error, want nothing", buf.String())
	}
}

// TestJSONErrorsAreMarshalJSONs checks that JSON refuses what MarshalJSON
// refuses, with its error, and writes nothing.
func TestJSONErrorsAreMarshalJSONs(t *testing.T) {
	var nilPara *article.Paragraph
	var nilText *article.Text
	tests := map[string]*article.Article{
		"nil block":       {Body: []article.Block{nil}},
		"nil paragraph":   {Body: []article.Block{nilPara}},
		"nil inline":      {Body: []article.Block{&article.Paragraph{Text: []article.Inline{nilText}}}},
		"nil item":        {Body: []article.Block{&article.List{Items: []*article.ListItem{nil}}}},
		"heading level":   {Body: []article.Block{&article.Heading{Level: 0}}},
		"alignment":       {Body: []article.Block{&article.Table{Align: []article.Align{"middle"}}}},
		"value kind":      {FrontMatter: article.FrontMatter{Fields: []article.Field{{Key: "k", Value: article.Value{Kind: "set"}}}}},
		"nested kind":     {FrontMatter: article.FrontMatter{Fields: []article.Field{{Key: "k", Value: article.Value{Kind: article.KindList, List: []article.Value{{}}}}}}},
		"front matter":    {FrontMatter: article.FrontMatter{Format: "xml"}},
		"body format":     {BodyFormat: "rst"},
		"year":            {Date: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"negative year":   {Lastmod: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
		"footnote inside": {Body: []article.Block{&article.Footnote{Blocks: []article.Block{&article.Quote{Blocks: []article.Block{nil}}}}}},
	}
	for name, a := range tests {
		_, want := a.MarshalJSON()
		if want == nil {
			t.Fatalf("%s: MarshalJSON accepts the article", name)
		}
		var buf bytes.Buffer
		err := render.JSON(&buf, a)
		if err == nil || err.Error() != want.Error() {
			t.Errorf("%s: got error %v, want MarshalJSON's %v", name, err, want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %q on error, want nothing", name, buf.String())
		}
	}
}

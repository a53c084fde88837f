package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

type (
	A   = article.Article
	In  = []article.Inline
	Bl  = []article.Block
	F   = article.Field
	V   = article.Value
	P   = article.Paragraph
	T   = article.Text
	Em  = article.Emphasis
	St  = article.Strong
	Del = article.Strike
)

func text(s string) *T             { return &T{Text: s} }
func para(in ...article.Inline) *P { return &P{Text: in} }
func str(s string) V               { return V{Kind: article.KindString, Text: s} }
func scalar(k article.Kind, s string) V {
	return V{Kind: k, Text: s}
}

func fld(k string, v V) F { return F{Key: k, Value: v} }

func yes() *bool { b := true; return &b }
func no() *bool  { b := false; return &b }

var markdownTests = []struct {
	name string
	in   *A
	want string
}{
	{"empty", &A{}, "\n"},
	{"paragraphs", &A{Body: Bl{para(text("one")), para(text("two"))}}, "one\n\ntwo\n"},
	{"line break", &A{Body: Bl{para(text("a"), &article.LineBreak{}, text("b"))}}, "a\\\nb\n"},
	{"headings", &A{Body: Bl{
		&article.Heading{Level: 1, Text: In{text("Title")}},
		&article.Heading{Level: 3, Text: In{text("C#")}},
		&article.Heading{Level: 2, Text: In{text("#1")}},
	}}, "# Title\n\n### C\\#\n\n## #1\n"},
	{"rule", &A{Body: Bl{para(text("a")), &article.Rule{}, para(text("b"))}}, "a\n\n***\n\nb\n"},
	{"code", &A{Body: Bl{
		&article.Code{Language: "go", Text: "x := 1\n"},
		&article.Code{Text: "```\nnested\n```\n"},
		&article.Code{},
	}}, "```go\nx := 1\n```\n\n````\n```\nnested\n```\n````\n\n```\n```\n"},
	{"quote", &A{Body: Bl{&article.Quote{Blocks: Bl{para(text("a")), para(text("b"))}}}}, "> a\n>\n> b\n"},
	{"tight list", &A{Body: Bl{&article.List{Items: []*article.ListItem{
		{Blocks: Bl{para(text("a"))}},
		{Blocks: Bl{para(text("b")), &article.List{Items: []*article.ListItem{{Blocks: Bl{para(text("c"))}}}}}},
	}}}}, "- a\n- b\n  - c\n"},
	{"loose ordered list", &A{Body: Bl{&article.List{Ordered: true, Start: 9, Loose: true, Items: []*article.ListItem{
		{Blocks: Bl{para(text("a"))}},
		{Blocks: Bl{para(text("b")), para(text("c"))}},
	}}}}, "9. a\n\n10. b\n\n    c\n"},
	{"adjacent lists", &A{Body: Bl{
		&article.List{Items: []*article.ListItem{{Blocks: Bl{para(text("a"))}}}},
		&article.List{Items: []*article.ListItem{{Blocks: Bl{para(text("b"))}}}},
		&article.List{Ordered: true, Start: 1, Items: []*article.ListItem{{Blocks: Bl{para(text("c"))}}}},
		&article.List{Ordered: true, Start: 1, Items: []*article.ListItem{{Blocks: Bl{para(text("d"))}}}},
	}}, "- a\n\n* b\n\n1. c\n\n1) d\n"},
	{"tasks", &A{Body: Bl{&article.List{Items: []*article.ListItem{
		{Task: no(), Blocks: Bl{para(text("todo"))}},
		{Task: yes(), Blocks: Bl{para(text("done"))}},
	}}}}, "- [ ] todo\n- [x] done\n"},
	{"table", &A{Body: Bl{&article.Table{
		Align:  []article.Align{article.AlignNone, article.AlignLeft, article.AlignCenter, article.AlignRight},
		Header: []article.Cell{{Text: In{text("a")}}, {Text: In{text("b|c")}}, {}, {Text: In{&article.CodeSpan{Text: "x|y"}}}},
		Rows:   [][]article.Cell{{{Text: In{text("1")}}, {Text: In{text("2"), &article.LineBreak{}, text("3")}}, {}, {}}},
	}}}, "| a | b\\|c |  | `x\\|y` |\n| --- | :-- | :-: | --: |\n| 1 | 2<br>3 |  |  |\n"},
	{"figure", &A{Body: Bl{&article.Figure{
		Image:   article.Image{Src: "a.png", Alt: `a "b"`, Title: "t"},
		Caption: In{text("x < y"), &Em{Text: In{text("z")}}},
	}}}, "<figure>\n\n![a \"b\"](a.png \"t\")\n\n<figcaption>\n\nx < y*z*\n\n</figcaption>\n</figure>\n"},
	{"figure without caption, and in a tight list item", &A{Body: Bl{
		&article.Figure{Image: article.Image{Src: "a.png", Alt: "a"}},
		&article.List{Items: []*article.ListItem{{Blocks: Bl{para(text("x")), &article.Figure{
			Image: article.Image{Src: "b.png", Alt: "b"}, Caption: In{text("c")}}}}}},
	}}, "<figure>\n\n![a](a.png)\n\n</figure>\n\n- x\n  <figure><img src=\"b.png\" alt=\"b\"><figcaption>c</figcaption></figure>\n"},
	{"figure with a link", &A{Body: Bl{
		&article.Figure{Image: article.Image{Src: "a.png", Alt: "a", Title: "t"}, Link: "big a.png", LinkTitle: `"L"`, Caption: In{text("c")}},
		&article.Figure{Image: article.Image{Src: "b.png", Alt: "b"}, Link: "/b"},
		&article.List{Items: []*article.ListItem{{Blocks: Bl{para(text("x")), &article.Figure{
			Image: article.Image{Src: "c.png", Alt: "c"}, Link: "/c?x=1&y=2", LinkTitle: "<C>"}}}}},
	}}, "<figure>\n\n[![a](a.png \"t\")](<big a.png> \"\\\"L\\\"\")\n\n<figcaption>\n\nc\n\n</figcaption>\n</figure>\n\n" +
		"<figure>\n\n[![b](b.png)](/b)\n\n</figure>\n\n" +
		"- x\n  <figure><a href=\"/c?x=1&amp;y=2\" title=\"&lt;C&gt;\"><img src=\"c.png\" alt=\"c\"></a></figure>\n"},
	{"footnote", &A{Body: Bl{
		para(text("a"), &article.FootnoteRef{Label: "1"}),
		&article.Footnote{Label: "1", Blocks: Bl{para(text("note")), para(text("more"))}},
	}}, "a[^1]\n\n[^1]: note\n\n    more\n"},
	{"emphasis", &A{Body: Bl{para(text("a "), &Em{Text: In{text("b")}}, text(" "), &St{Text: In{text("c")}}, text(" "), &Del{Text: In{text("d")}})}}, "a *b* **c** ~~d~~\n"},
	{"emphasis intraword CJK", &A{Body: Bl{para(text("这是"), &St{Text: In{text("重点")}}, text("内容"))}}, "这是**重点**内容\n"},
	{"strong needs html", &A{Body: Bl{para(&St{Text: In{text("“你好”")}}, text("是"))}}, "<strong>“你好”</strong>是\n"},
	{"strong around emphasis", &A{Body: Bl{para(&St{Text: In{&Em{Text: In{text("x")}}}})}}, "**_x_**\n"},
	{"emphasis around strong", &A{Body: Bl{para(&Em{Text: In{&St{Text: In{text("x")}}}})}}, "*__x__*\n"},
	{"emphasis inside emphasis", &A{Body: Bl{
		para(&Em{Text: In{text("foo "), &Em{Text: In{text("bar")}}, text(" baz")}}),
		para(&Em{Text: In{&Em{Text: In{text("foo")}}}}),
		para(&St{Text: In{&St{Text: In{text("foo")}}}}),
	}}, "*foo *bar* baz*\n\n*_foo_*\n\n**__foo__**\n"},
	{"rule of three between letters", &A{Body: Bl{
		para(&Em{Text: In{text("foo"), &St{Text: In{text("bar")}}, text("baz")}}),
		para(&St{Text: In{text("foo"), &Em{Text: In{text("bar")}}, text("baz")}}),
	}}, "*foo**bar**baz*\n\n**foo*bar*baz**\n"},
	{"emphasis of strong between letters", &A{Body: Bl{para(text("foo"), &Em{Text: In{&St{Text: In{text("bar")}}}}, text("baz"))}},
		"foo***bar***baz\n"},
	{"highlight tag lines stay text", &A{Body: Bl{para(text("a")), para(text("{% highlight go %}")), para(text("x")), para(text("{% endhighlight %}"))}},
		"a\n\n\\{% highlight go %}\n\nx\n\n{% endhighlight %}\n"},
	{"brace first", &A{Body: Bl{para(text("{")), para(text(`{"a": 1}`))}}, "\\{\n\n{\"a\": 1}\n"},
	{"quote then code in a tight item", &A{Body: Bl{&article.List{Items: []*article.ListItem{
		{Blocks: Bl{para(text("a")), &article.Quote{Blocks: Bl{para(text("b"))}}, &article.Code{Text: "c\n"}}},
		{Blocks: Bl{para(text("d"))}},
	}}}}, "- a\n  > b\n  ```\n  c\n  ```\n- d\n"},
	{"code spans", &A{Body: Bl{para(&article.CodeSpan{Text: "a`b"}, text(" "), &article.CodeSpan{Text: "`x"}, text(" "), &article.CodeSpan{Text: " y "})}}, "``a`b`` `` `x `` `  y  `\n"},
	{"links", &A{Body: Bl{para(
		&article.Link{Href: "/a b", Title: `say "hi"`, Text: In{text("x")}}, text(" "),
		&article.Link{Href: "https://example.com/", Text: In{text("https://example.com/")}}, text(" "),
		&article.Link{Href: "/f(x)", Text: In{text("f")}}, text(" "),
		&article.Image{Src: "i.png", Alt: "[alt]"},
	)}}, "[x](</a b> \"say \\\"hi\\\"\") <https://example.com/> [f](/f\\(x\\)) ![\\[alt\\]](i.png)\n"},
	{"escapes", &A{Body: Bl{
		para(text("# not a heading")),
		para(text("- not a list")),
		para(text("1. not a list")),
		para(text("> not a quote")),
		para(text("*a* _b_ snake_case [c] `d` ~e~ <tag> < x &amp; & ok")),
		para(text("{{< figure src=\"a_b.png\" >}}")),
		para(text("{% raw %}")),
		para(text("see http://example.com and www.example.com or mail me@example.com")),
		para(text("见http://example.com")),
	}}, "\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n\\> not a quote\n\n" +
		"\\*a\\* \\_b\\_ snake_case \\[c\\] \\`d\\` \\~e\\~ \\<tag> < x \\&amp; & ok\n\n" +
		"{{< figure src=\"a_b.png\" >}}\n\n{% raw %}\n\n" +
		"see http\\://example.com and www\\.example.com or mail me\\@example.com\n\n见http://example.com\n"},
	{"shortcodes and liquid", &A{Body: Bl{
		para(text(`{{<figure src="a_b.png">}}`)),
		para(text(`{{% notice info %}}`)),
		para(text(`{{ page.title | escape }} {% highlight ruby %}`)),
	}}, "{{<figure src=\"a_b.png\">}}\n\n{{% notice info %}}\n\n{{ page.title | escape }} {% highlight ruby %}\n"},
	{"email autolink", &A{Body: Bl{para(&article.Link{Href: "mailto:me@example.com", Text: In{text("me@example.com")}})}}, "<me@example.com>\n"},
	{"www link", &A{Body: Bl{para(text("go "), &article.Link{Href: "http://www.example.com", Text: In{text("www.example.com")}})}}, "go [www\\.example.com](http://www.example.com)\n"},
	{"strike after tilde", &A{Body: Bl{para(text("a~"), &Del{Text: In{text("b")}})}}, "a\\~<del>b</del>\n"},
	{"emphasis with code", &A{Body: Bl{para(&Em{Text: In{&article.CodeSpan{Text: "x"}}}, text(" y"))}}, "*`x`* y\n"},
	{"adjacent emphasis", &A{Body: Bl{para(&Em{Text: In{text("a")}}, &Em{Text: In{text("b")}})}}, "*a*_b_\n"},
	{"list in tight item", &A{Body: Bl{&article.List{Items: []*article.ListItem{
		{Blocks: Bl{para(text("a")), &article.List{Ordered: true, Start: 3, Items: []*article.ListItem{{Blocks: Bl{para(text("b"))}}}}}},
		{Blocks: Bl{&article.List{Items: []*article.ListItem{{Blocks: Bl{para(text("c"))}}}}, &article.List{Ordered: true, Start: 3, Items: []*article.ListItem{{Blocks: Bl{para(text("d"))}}}}}},
	}}}}, "- a\n\n  3. b\n- - c\n  3. d\n"},
	{"containers", &A{Body: Bl{&article.List{Loose: true, Items: []*article.ListItem{
		{Blocks: Bl{&article.Code{Language: "sh", Text: "ls\n\nls -l\n"}}},
		{Blocks: Bl{&article.Quote{Blocks: Bl{para(text("q")), &article.Code{Text: "x\n"}}}, &article.Rule{}}},
		{Blocks: Bl{&article.Rule{}}},
	}}}}, "- ```sh\n  ls\n\n  ls -l\n  ```\n\n- > q\n  >\n  > ```\n  > x\n  > ```\n\n  ***\n\n- ___\n"},
	{"leading and trailing spaces", &A{Body: Bl{para(text("a"), &article.LineBreak{}, text("  b "))}}, "a\\\n&#32;&#32;b&#32;\n"},
	{"entities and angle brackets", &A{Body: Bl{para(text("&copy; &#169; AT&T <3 a<b 1 < 2 > 0"))}}, "\\&copy; \\&#169; AT&T <3 a\\<b 1 < 2 > 0\n"},
	{"image before link", &A{Body: Bl{para(text("wow!"), &article.Link{Href: "/x", Text: In{text("x")}})}}, "wow\\![x](/x)\n"},
	{"yaml", &A{FrontMatter: article.FrontMatter{Format: article.FormatYAML, Fields: []F{
		fld("title", str("a: b")),
		fld("date", scalar(article.KindTime, "2022-01-23")),
		fld("date2", str("2022-01-23")),
		fld("jekyll", str("2022-01-23 20:41:05 +0800")),
		fld("n", scalar(article.KindInt, "12")),
		fld("s", str("12")),
		fld("b", str("true")),
		fld("nil", scalar(article.KindNull, "")),
		fld("empty", str("")),
		fld("tags", V{Kind: article.KindList, List: []V{str("a"), str("#b")}}),
		fld("params", V{Kind: article.KindMap, Map: []F{fld("x", scalar(article.KindFloat, "1.5"))}}),
		fld("multi", str("a\nb\n")),
	}}, Body: Bl{para(text("body"))}},
		"---\ntitle: 'a: b'\ndate: 2022-01-23\ndate2: \"2022-01-23\"\njekyll: 2022-01-23 20:41:05 +0800\nn: 12\ns: \"12\"\nb: \"true\"\nnil:\nempty: \"\"\ntags:\n  - a\n  - '#b'\nparams:\n  x: 1.5\nmulti: |\n  a\n  b\n---\n\nbody\n"},
	{"fields without format are yaml", &A{FrontMatter: article.FrontMatter{Fields: []F{fld("title", str("x"))}}}, "---\ntitle: x\n---\n"},
	{"toml", &A{FrontMatter: article.FrontMatter{Format: article.FormatTOML, Fields: []F{
		fld("title", str(`say "hi"`)),
		fld("date", scalar(article.KindTime, "2022-01-23T20:41:05+08:00")),
		fld("bad date", scalar(article.KindTime, "2022-01-23 20:41:05 +0800")),
		fld("draft", scalar(article.KindBool, "false")),
		fld("tags", V{Kind: article.KindList, List: []V{str("a"), str("b")}}),
		fld("inline", V{Kind: article.KindMap, Map: []F{fld("k", scalar(article.KindInt, "1"))}}),
		fld("weight", scalar(article.KindInt, "3")),
		fld("params", V{Kind: article.KindMap, Map: []F{fld("x", str("y")), fld("sub", V{Kind: article.KindMap, Map: []F{fld("z", str("w"))}})}}),
	}}, Body: Bl{para(text("body"))}},
		"+++\ntitle = \"say \\\"hi\\\"\"\ndate = 2022-01-23T20:41:05+08:00\n\"bad date\" = \"2022-01-23 20:41:05 +0800\"\ndraft = false\ntags = [\"a\", \"b\"]\ninline = { k = 1 }\nweight = 3\n\n[params]\nx = \"y\"\n\n[params.sub]\nz = \"w\"\n+++\n\nbody\n"},
	{"json", &A{FrontMatter: article.FrontMatter{Format: article.FormatJSON, Fields: []F{
		fld("title", str("<x> & y")),
		fld("n", scalar(article.KindInt, "1")),
		fld("f", scalar(article.KindFloat, "1.5e3")),
		fld("ok", scalar(article.KindBool, "true")),
		fld("none", scalar(article.KindNull, "null")),
		fld("tags", V{Kind: article.KindList, List: []V{str("a")}}),
		fld("empty", V{Kind: article.KindList, List: []V{}}),
	}}, Body: Bl{para(text("body"))}},
		"{\n  \"title\": \"<x> & y\",\n  \"n\": 1,\n  \"f\": 1.5e3,\n  \"ok\": true,\n  \"none\": null,\n  \"tags\": [\n    \"a\"\n  ],\n  \"empty\": []\n}\n\nbody\n"},
	{"provenance", &A{Body: Bl{para(text("news"))}, Credit: "（文章来源：国际商报）", Source: "国际商报",
		SourceURL: "http://finance.eastmoney.com/a/1.html", Nav: []article.NavLink{{Text: "返回首页", Href: "/"}, {Text: "下一篇", Href: "/2"}}},
		"news\n\n（文章来源：国际商报）\n\n<http://finance.eastmoney.com/a/1.html>\n\n[返回首页](/) | [下一篇](/2)\n"},
}

func markdown(t *testing.T, a *A) string {
	t.Helper()
	var b bytes.Buffer
	if err := render.Markdown(&b, a); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return b.String()
}

func TestMarkdown(t *testing.T) {
	for _, tt := range markdownTests {
		t.Run(tt.name, func(t *testing.T) {
			got := markdown(t, tt.in)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if again := markdown(t, tt.in); again != got {
				t.Errorf("second rendering differs:\n%s", again)
			}
			if !strings.HasSuffix(got, "\n") || strings.HasSuffix(got, "\n\n") {
				t.Errorf("output does not end in exactly one newline: %q", got)
			}
		})
	}
}

// gfm is goldmark as the CommonMark + GFM oracle.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(html.WithUnsafe()))

// TestMarkdownHTML checks the body through goldmark's own HTML: the
// escaped texts read as text, and the markup as markup.
func TestMarkdownHTML(t *testing.T) {
	tests := []struct {
		body        Bl
		contains    []string
		notContains []string
	}{
		{Bl{para(text("see http://example.com and www.example.com or me@example.com"))}, []string{"http://example.com"}, []string{"<a "}},
		{Bl{para(text("{{< figure src=\"a_b.png\" >}}"))}, []string{"{{&lt; figure src=&quot;a_b.png&quot; &gt;}}"}, nil},
		{Bl{para(text("是"), &St{Text: In{text("“你好”")}}, text("是"))}, []string{"<strong>“你好”</strong>"}, []string{"**"}},
		{Bl{para(text("1~2 and 3~4"))}, []string{"1~2 and 3~4"}, []string{"<del>"}},
		{Bl{para(text("a"), &article.LineBreak{}, text("---"))}, []string{"a<br>\n---"}, []string{"<h2>"}},
		{Bl{para(text("x"), &St{Text: In{&Em{Text: In{text("y")}}}})}, []string{"x<strong><em>y</em></strong>"}, nil},
	}
	for _, tt := range tests {
		md := markdown(t, &A{Body: tt.body})
		var b bytes.Buffer
		if err := gfm.Convert([]byte(md), &b); err != nil {
			t.Fatal(err)
		}
		for _, s := range tt.contains {
			if !strings.Contains(b.String(), s) {
				t.Errorf("%q renders as %q, which lacks %q", md, b.String(), s)
			}
		}
		for _, s := range tt.notContains {
			if strings.Contains(b.String(), s) {
				t.Errorf("%q renders as %q, which has %q", md, b.String(), s)
			}
		}
	}
}

func roundTrip(t *testing.T, name string, a *A) (string, *A, error) {
	t.Helper()
	md := markdown(t, a)
	b, err := new(article.Parser).ParseBytes(name, []byte(md))
	return md, b, err
}

// TestMarkdownRoundTrip checks that Parse reads the rendering of each
// table case back into the same article.
func TestMarkdownRoundTrip(t *testing.T) {
	skip := map[string]string{
		"empty": "",
		// Articles built by hand that are not in the form Parse produces.
		"fields without format are yaml": "",
	}
	for _, tt := range markdownTests {
		if _, ok := skip[tt.name]; ok {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			a, err := new(article.Parser).ParseBytes("x.md", []byte(tt.want))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			md, b, err := roundTrip(t, "x.md", a)
			if err != nil {
				t.Fatalf("Parse of rendering: %v\n%s", err, md)
			}
			if !a.Equal(b) {
				t.Errorf("round trip differs:\n%s\nfirst:  %s\nsecond: %s", md, dump(a), dump(b))
			}
		})
	}
}

// TestMarkdownFigureLink checks that a figure whose image is linked reads
// back from its rendering with its link, as a block and in a tight list
// item (where it is one line of HTML).
func TestMarkdownFigureLink(t *testing.T) {
	fig := func(link, title string) *article.Figure {
		return &article.Figure{Image: article.Image{Src: "a b.png", Alt: "a [x]", Title: `t "q"`}, Link: link, LinkTitle: title, Caption: In{text("c")}}
	}
	tests := []struct {
		name string
		body Bl
	}{
		{"block", Bl{fig("/big.png", "")}},
		{"block with a title", Bl{fig("https://example.com/big (1).png?a=1&b=2", `say "cheese" <now>`)}},
		{"tight list item", Bl{&article.List{Items: []*article.ListItem{
			{Blocks: Bl{para(text("x")), fig("/big.png", "T & <U>")}},
			{Blocks: Bl{para(text("y"))}},
		}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := &A{Body: tt.body}
			md, got, err := roundTrip(t, "x.md", want)
			if err != nil {
				t.Fatalf("Parse of rendering: %v\n%s", err, md)
			}
			got.FrontMatter, got.BodyFormat = article.FrontMatter{}, ""
			if !got.Equal(want) {
				t.Errorf("reads back differently:\n%s\ngot:  %s\nwant: %s", md, dump(got), dump(want))
			}
		})
	}
}

// knownRoundTripFailures lists the corpus files whose rendering does not
// read back equal, with why. It may only shrink: the test fails when a
// listed file passes.
var knownRoundTripFailures = map[string]string{}

func TestMarkdownCorpusRoundTrip(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (it is not part of the repository): %v", root, err)
	}
	var files []string
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".markdown") || strings.HasSuffix(path, ".html")) {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	pass, fail := 0, 0
	for _, path := range files {
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		a, err := new(article.Parser).ParseBytes(name, src)
		if err != nil {
			continue // not an article Parse reads; corpus_test.go covers these
		}
		// The rendering is Markdown whatever the input was; the name
		// still gives Jekyll's date and slug.
		md, b, err := roundTrip(t, strings.TrimSuffix(name, filepath.Ext(name))+".md", a)
		ok := err == nil && a.Equal(b)
		_, known := knownRoundTripFailures[rel]
		switch {
		case ok && known:
			t.Errorf("%s: round trip now passes: remove it from knownRoundTripFailures", rel)
		case !ok && !known:
			if err != nil {
				t.Errorf("%s: rendering does not parse: %v", rel, err)
			} else {
				t.Errorf("%s: round trip differs: %s", rel, firstDiff(a, b, md))
			}
		}
		if ok {
			pass++
		} else {
			fail++
		}
	}
	t.Logf("corpus round trip: %d pass, %d fail", pass, fail)
}

// dump shows an article as indented JSON, for failure messages.
func dump(a *A) string {
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// firstDiff describes where a and b first differ, with the Markdown
// around it.
func firstDiff(a, b *A, md string) string {
	x, y := strings.Split(dump(a), "\n"), strings.Split(dump(b), "\n")
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] != y[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("at JSON line %d:\n  want %s\n  got  %s\ncontext:\n%s", i+1, x[i], y[i], strings.Join(x[lo:i], "\n"))
		}
	}
	if len(x) != len(y) {
		return fmt.Sprintf("JSON lengths %d and %d", len(x), len(y))
	}
	return "JSON forms equal; Equal still differs (offsets or empty vs nil)"
}

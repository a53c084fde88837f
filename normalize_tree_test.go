package article

import (
	"reflect"
	"testing"
	"time"
)

func ntext(s string) *Text { return &Text{Text: s} }

func TestNormalizeAcrossInlines(t *testing.T) {
	tests := []struct {
		name string
		in   []Inline
		want []Inline
	}{
		{
			"他说:<em>你好</em>!",
			[]Inline{ntext("他说:"), &Emphasis{Text: []Inline{ntext("你好")}}, ntext("!")},
			[]Inline{ntext("他说："), &Emphasis{Text: []Inline{ntext("你好")}}, ntext("！")},
		},
		{
			"见<code>a,b</code>完成.",
			[]Inline{ntext("见"), &CodeSpan{Text: "a,b"}, ntext("完成.")},
			[]Inline{ntext("见"), &CodeSpan{Text: "a,b"}, ntext("完成。")},
		},
		{
			"bracket pair split over a link",
			[]Inline{ntext("亚信科技("), &Link{Href: "https://a.com/(x)", Text: []Inline{ntext("中国")}}, ntext(")有限公司")},
			[]Inline{ntext("亚信科技（"), &Link{Href: "https://a.com/(x)", Text: []Inline{ntext("中国")}}, ntext("）有限公司")},
		},
		{
			"space before punctuation in the next element",
			[]Inline{&Strong{Text: []Inline{ntext("好开心 ")}}, ntext(", 真的")},
			[]Inline{&Strong{Text: []Inline{ntext("好开心")}}, ntext("，真的")},
		},
		{
			"ellipsis split over elements",
			[]Inline{ntext("等等."), &Emphasis{Text: []Inline{ntext("..")}}, ntext("然后")},
			[]Inline{ntext("等等……"), &Emphasis{Text: []Inline{ntext("")}}, ntext("然后")},
		},
		{
			"image and footnote reference are opaque",
			[]Inline{ntext("见图"), &Image{Src: "a.png", Alt: "a,b"}, ntext("和注释"), &FootnoteRef{Label: "1"}, ntext(".")},
			[]Inline{ntext("见图"), &Image{Src: "a.png", Alt: "a,b"}, ntext("和注释"), &FootnoteRef{Label: "1"}, ntext("。")},
		},
		{
			"line break",
			[]Inline{ntext("第一行:"), &LineBreak{}, ntext("第二行.")},
			[]Inline{ntext("第一行："), &LineBreak{}, ntext("第二行。")},
		},
		{
			"strike and nested emphasis",
			[]Inline{&Strike{Text: []Inline{&Emphasis{Text: []Inline{ntext("ＡＢＣ")}}}}, ntext("公司")},
			[]Inline{&Strike{Text: []Inline{&Emphasis{Text: []Inline{ntext("ABC")}}}}, ntext("公司")},
		},
	}
	for _, tt := range tests {
		a := &Article{Body: []Block{&Paragraph{Text: tt.in}}}
		Normalize(a)
		got := a.Body[0].(*Paragraph).Text
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, dumpRun(got), dumpRun(tt.want))
		}
		if edits := Normalize(a); len(edits) != 0 {
			t.Errorf("%s: second pass made edits %v", tt.name, edits)
		}
	}
}

func dumpRun(ins []Inline) string {
	s := "["
	for _, in := range ins {
		switch x := in.(type) {
		case *Text:
			s += " Text" + `"` + x.Text + `"`
		case *Emphasis:
			s += " Emphasis" + dumpRun(x.Text)
		case *Strong:
			s += " Strong" + dumpRun(x.Text)
		case *Strike:
			s += " Strike" + dumpRun(x.Text)
		case *Link:
			s += " Link" + dumpRun(x.Text)
		default:
			s += " " + reflect.TypeOf(in).String()
		}
	}
	return s + " ]"
}

func TestNormalizeEdits(t *testing.T) {
	a := &Article{Body: []Block{
		&Code{Text: "a,b 中文.\n"},
		&Paragraph{Text: []Inline{
			&Text{Text: "他说:", Pos: Pos{Line: 5, Col: 1}},
			&Emphasis{Text: []Inline{&Text{Text: "你好", Pos: Pos{Line: 5, Col: 12}}}},
			&Text{Text: "!", Pos: Pos{Line: 5, Col: 23}},
		}},
		&List{Items: []*ListItem{{Blocks: []Block{&Paragraph{Text: []Inline{ntext("甲")}}, &Paragraph{Text: []Inline{&Text{Text: "乙\n丙.", Pos: Pos{Line: 9, Col: 3}}}}}}}},
		&Quote{Blocks: []Block{&Heading{Level: 2, Text: []Inline{ntext("ＡＢ")}}}},
		&Table{Header: []Cell{{Text: []Inline{ntext("名称")}}, {Text: []Inline{ntext("值,单位")}}}, Rows: [][]Cell{{{Text: []Inline{ntext("甲")}}, {Text: []Inline{ntext("１")}}}}},
		&Figure{Image: Image{Src: "x.png"}, Caption: []Inline{ntext("图1:示意")}},
		&Footnote{Label: "1", Blocks: []Block{&Paragraph{Text: []Inline{ntext("注释.")}}}},
		&HTML{Text: "<!-- 中文. -->"},
	}}
	got := Normalize(a)
	want := []Edit{
		{RulePunctuation, "body[1].text", Pos{5, 7}, ":", "："},
		{RulePunctuation, "body[1].text", Pos{5, 23}, "!", "！"},
		{RulePunctuation, "body[2].items[0][1].text", Pos{10, 4}, ".", "。"},
		{RuleFullwidth, "body[3].blocks[0].text", Pos{}, "ＡＢ", "AB"},
		{RulePunctuation, "body[4].header[1]", Pos{}, ",", "，"},
		{RuleFullwidth, "body[4].rows[0][1]", Pos{}, "１", "1"},
		{RulePunctuation, "body[5].caption", Pos{}, ":", "："},
		{RulePunctuation, "body[6].blocks[0].text", Pos{}, ".", "。"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("edits:\n got %v\nwant %v", got, want)
	}
	if c := a.Body[0].(*Code).Text; c != "a,b 中文.\n" {
		t.Errorf("code block changed to %q", c)
	}
	if h := a.Body[7].(*HTML).Text; h != "<!-- 中文. -->" {
		t.Errorf("HTML block changed to %q", h)
	}
}

func TestNormalizeFrontMatter(t *testing.T) {
	a := &Article{
		Title:      "华尔街最高!大摩上调苹果目标价(200美元)",
		Summary:    "摘要:测试.",
		Slug:       "a,b.c",
		Tags:       []string{"标签:一"},
		Categories: []string{"分类,二"},
		Permalink:  "/2022/01/a,b.html",
		FrontMatter: FrontMatter{Format: FormatYAML, Fields: []Field{
			{Key: "title", Value: Value{Kind: KindString, Text: "华尔街最高!大摩上调苹果目标价(200美元)", Line: 2, Col: 8}},
			{Key: "tags", Value: Value{Kind: KindList, List: []Value{{Kind: KindString, Text: "标签:一"}}}},
			{Key: "categories", Value: Value{Kind: KindString, Text: "分类,二"}},
			{Key: "slug", Value: Value{Kind: KindString, Text: "a,b.c"}},
			{Key: "permalink", Value: Value{Kind: KindString, Text: "/2022/01/a,b.html"}},
			{Key: "description", Value: Value{Kind: KindString, Text: "摘要:测试.", Line: 7, Col: 14}},
			{Key: "keywords", Value: Value{Kind: KindString, Text: "关键词:未知键."}},
		}},
	}
	edits := Normalize(a)
	if want := "华尔街最高！大摩上调苹果目标价（200美元）"; a.Title != want || a.FrontMatter.Fields[0].Value.Text != want {
		t.Errorf("title = %q, field %q; want %q", a.Title, a.FrontMatter.Fields[0].Value.Text, want)
	}
	if want := "摘要：测试。"; a.Summary != want || a.FrontMatter.Fields[5].Value.Text != want {
		t.Errorf("summary = %q, field %q; want %q", a.Summary, a.FrontMatter.Fields[5].Value.Text, want)
	}
	if a.Slug != "a,b.c" || a.Tags[0] != "标签:一" || a.Categories[0] != "分类,二" || a.Permalink != "/2022/01/a,b.html" {
		t.Errorf("typed fields that are not prose changed: %q %q %q %q", a.Slug, a.Tags, a.Categories, a.Permalink)
	}
	for _, i := range []int{2, 3, 4, 6} {
		f := a.FrontMatter.Fields[i]
		if f.Value.Text != map[int]string{2: "分类,二", 3: "a,b.c", 4: "/2022/01/a,b.html", 6: "关键词:未知键."}[i] {
			t.Errorf("field %s changed to %q", f.Key, f.Value.Text)
		}
	}
	if a.FrontMatter.Fields[1].Value.List[0].Text != "标签:一" {
		t.Errorf("tags changed")
	}
	if a.FrontMatter.Fields[0].Value.Kind != KindString {
		t.Errorf("title kind changed")
	}
	want := []Edit{
		{RulePunctuation, "title", Pos{2, 23}, "!", "！"},
		{RuleBrackets, "title", Pos{2, 51}, "(", "（"},
		{RuleBrackets, "title", Pos{2, 61}, ")", "）"},
		{RulePunctuation, "description", Pos{7, 20}, ":", "："},
		{RulePunctuation, "description", Pos{7, 27}, ".", "。"},
	}
	if !reflect.DeepEqual(edits, want) {
		t.Errorf("edits:\n got %v\nwant %v", edits, want)
	}
}

func TestNormalizeDates(t *testing.T) {
	cst := time.FixedZone("", 8*3600)
	date := time.Date(2022, 1, 23, 20, 41, 5, 0, cst)
	lastmod := time.Date(2022, 1, 24, 9, 0, 0, 0, cst)
	newA := func() *Article {
		return &Article{
			Date: date, Lastmod: lastmod, DateZoneAssumed: true,
			FrontMatter: FrontMatter{Format: FormatYAML, Fields: []Field{
				{Key: "date", Value: Value{Kind: KindString, Text: "2022-01-23 20:41:05", Line: 3, Col: 7}},
				{Key: "lastmod", Value: Value{Kind: KindTime, Text: "2022-01-24T09:00:00+08:00", Line: 4, Col: 10}},
			}},
		}
	}

	a := newA()
	if edits := Normalize(a); len(edits) != 0 {
		t.Errorf("default policy changed dates: %v", edits)
	}

	a = newA()
	edits := (&Normalizer{Location: time.UTC}).Normalize(a)
	if !a.Date.Equal(date) || !a.Lastmod.Equal(lastmod) {
		t.Errorf("instants changed: %v %v", a.Date, a.Lastmod)
	}
	if a.Date.Location() != time.UTC || a.Lastmod.Location() != time.UTC {
		t.Errorf("dates not in UTC: %v %v", a.Date, a.Lastmod)
	}
	if a.DateZoneAssumed {
		t.Errorf("DateZoneAssumed still set after the date was written with a zone")
	}
	got := []string{a.FrontMatter.Fields[0].Value.Text, a.FrontMatter.Fields[1].Value.Text}
	want := []string{"2022-01-23 12:41:05 +0000", "2022-01-24T01:00:00+00:00"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("date texts = %q, want %q", got, want)
	}
	if len(edits) != 2 || edits[0].Rule != RuleTimeZone || edits[0].Path != "date" || edits[0].Pos != (Pos{3, 7}) || edits[1].Path != "lastmod" {
		t.Errorf("edits = %v", edits)
	}
	for _, f := range a.FrontMatter.Fields {
		pt, _, err := parseDate(f.Value.Text, nil)
		if err != nil || !pt.Equal(map[string]time.Time{"date": date, "lastmod": lastmod}[f.Key]) {
			t.Errorf("%s: %q reads back as %v, %v", f.Key, f.Value.Text, pt, err)
		}
	}
	if edits := (&Normalizer{Location: time.UTC}).Normalize(a); len(edits) != 0 {
		t.Errorf("second pass: %v", edits)
	}
	a = newA()
	if edits := (&Normalizer{Location: time.UTC, Disable: []RuleName{RuleTimeZone}}).Normalize(a); len(edits) != 0 {
		t.Errorf("disabled time-zone rule made edits %v", edits)
	}
}

func TestNormalizeProfilesAndSpaceOnTree(t *testing.T) {
	a := &Article{Body: []Block{&Paragraph{Text: []Inline{ntext("使用"), &CodeSpan{Text: "go vet"}, ntext("检查Go代码")}}}}
	(&Normalizer{Space: true}).Normalize(a)
	want := []Inline{ntext("使用 "), &CodeSpan{Text: "go vet"}, ntext(" 检查 Go 代码")}
	if got := a.Body[0].(*Paragraph).Text; !reflect.DeepEqual(got, want) {
		t.Errorf("got %s, want %s", dumpRun(got), dumpRun(want))
	}
}

func TestNormalizeNil(t *testing.T) {
	if edits := Normalize(nil); edits != nil {
		t.Errorf("Normalize(nil) = %v", edits)
	}
	var n *Normalizer
	if got := n.NormalizeString("他说:好"); got != "他说：好" {
		t.Errorf("nil Normalizer: %q", got)
	}
}

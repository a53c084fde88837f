package render_test

import (
	"os"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

func ExampleMarkdown() {
	a := &article.Article{
		FrontMatter: article.FrontMatter{
			Format: article.FormatYAML,
			Fields: []article.Field{
				{Key: "title", Value: article.Value{Kind: article.KindString, Text: "Hello: world"}},
				{Key: "date", Value: article.Value{Kind: article.KindString, Text: "2022-01-23 20:41:05 +0800"}},
				{Key: "tags", Value: article.Value{Kind: article.KindList, List: []article.Value{
					{Kind: article.KindString, Text: "news"},
					{Kind: article.KindString, Text: "true"},
				}}},
			},
		},
		Body: []article.Block{
			&article.Heading{Level: 2, Text: []article.Inline{&article.Text{Text: "Markets"}}},
			&article.Paragraph{Text: []article.Inline{
				&article.Text{Text: "Stocks "},
				&article.Strong{Text: []article.Inline{&article.Text{Text: "rose"}}},
				&article.Text{Text: " 1.5% on a_b day; see "},
				&article.Link{Href: "https://example.com/", Text: []article.Inline{&article.Text{Text: "https://example.com/"}}},
			}},
			&article.Paragraph{Text: []article.Inline{&article.Text{Text: "1. not a list, *not* emphasis"}}},
		},
	}
	if err := render.Markdown(os.Stdout, a); err != nil {
		panic(err)
	}
	// Output:
	// ---
	// title: 'Hello: world'
	// date: 2022-01-23 20:41:05 +0800
	// tags:
	//   - news
	//   - "true"
	// ---
	//
	// ## Markets
	//
	// Stocks **rose** 1.5% on a_b day; see <https://example.com/>
	//
	// 1\. not a list, \*not\* emphasis
}

func ExampleMarkdown_toml() {
	a := &article.Article{
		FrontMatter: article.FrontMatter{
			Format: article.FormatTOML,
			Fields: []article.Field{
				{Key: "title", Value: article.Value{Kind: article.KindString, Text: "你好"}},
				{Key: "date", Value: article.Value{Kind: article.KindTime, Text: "2022-01-23T20:41:05+08:00"}},
				{Key: "draft", Value: article.Value{Kind: article.KindBool, Text: "false"}},
			},
		},
		Body: []article.Block{
			&article.Paragraph{Text: []article.Inline{
				&article.Strong{Text: []article.Inline{&article.Text{Text: "“你好”"}}},
				&article.Text{Text: "是问候。"},
			}},
		},
	}
	if err := render.Markdown(os.Stdout, a); err != nil {
		panic(err)
	}
	// Output:
	// +++
	// title = "你好"
	// date = 2022-01-23T20:41:05+08:00
	// draft = false
	// +++
	//
	// <strong>“你好”</strong>是问候。
}

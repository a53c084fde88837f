package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

func TestHugoFrontMatterMapping(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		m    mapping
		want string
	}{
		{
			"date from the file name goes after the title; draft after it",
			"---\nlayout: post\nfoo: 1\ntitle: T\n---\n",
			mapping{draft: true},
			"foo: 1\ntitle: T\ndate: 2022-01-05T00:00:00+08:00\ndraft: true\n",
		},
		{
			"no title: date and draft first",
			"---\nfoo: bar\n---\n",
			mapping{draft: true},
			"date: 2022-01-05T00:00:00+08:00\ndraft: true\nfoo: bar\n",
		},
		{
			"a url next to a permalink is kept as jekyll_url",
			"---\ntitle: T\npermalink: /x/\nurl: /y/\n---\n",
			mapping{url: "/x/"},
			"title: T\ndate: 2022-01-05T00:00:00+08:00\nurl: /x/\njekyll_url: /y/\n",
		},
		{
			"published dates and flags, sitemap: true dropped",
			"---\ndate: 2022-01-05 10:00\npublished: 2022-01-06 09:00 +0000\nsitemap: true\nupdated: 2022-01-07\n---\n",
			mapping{},
			"date: 2022-01-05T10:00:00+08:00\npublishDate: 2022-01-06T17:00:00+08:00\nlastmod: 2022-01-07T00:00:00+08:00\n",
		},
		{
			"published: no, singular and plural categories merged, both excerpt and summary",
			"---\ncategory: A B\ncategories: c d\npublished: no\nexcerpt: E\nsummary: S\n---\n",
			mapping{},
			"date: 2022-01-05T00:00:00+08:00\ncategories:\n  - A B\n  - c\n  - d\ndraft: true\nexcerpt: E\nsummary: S\n",
		},
		{
			"author map, redirect_from and aliases merged with the old address",
			"---\nauthor: {name: Lin, email: lin@example.com}\nredirect_from: /a.html\naliases: [/b/]\n---\n",
			mapping{alias: "/2022/01/05/x.html"},
			"date: 2022-01-05T00:00:00+08:00\nauthors:\n  - Lin\nauthor:\n  name: Lin\n  email: lin@example.com\naliases:\n  - /a.html\n  - /b/\n  - /2022/01/05/x.html\n",
		},
	}
	for _, tt := range tests {
		p := article.Parser{Location: shanghai}
		a, err := p.ParseBytes("_posts/2022-01-05-x.md", []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		tt.m.loc = shanghai
		fm := article.FrontMatter{Format: article.FormatYAML, Fields: hugoFrontMatter(a, tt.m)}
		var b bytes.Buffer
		if err := render.Markdown(&b, &article.Article{FrontMatter: fm}); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got := strings.TrimSuffix(strings.TrimPrefix(b.String(), "---\n"), "---\n")
		if got != tt.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

package article_test

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/articlekit/article"
)

func ExampleParse() {
	const post = `---
title: "港口物流提速"
date: 2022-03-15 09:12:30 +0800
categories: guojishangbao
tags: [港口, 外贸]
---
<p>今年以来，沿海港口加快数字化改造。</p><p class="em_media">（文章来源：国际商报）</p>

<http://news.example.com/story/1>
`
	a, err := article.Parse(strings.NewReader(post))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.Date.Format(time.RFC3339))
	fmt.Println(a.Categories, a.Tags)
	fmt.Println(a.Source, a.SourceURL)
	fmt.Println(len(a.Body), "block")
	// Output:
	// 港口物流提速
	// 2022-03-15T09:12:30+08:00
	// [guojishangbao] [港口 外贸]
	// 国际商报 http://news.example.com/story/1
	// 1 block
}

func ExampleParseFile() {
	// The file name follows Jekyll's YYYY-MM-DD-slug.md: it gives the
	// slug, and the date too when the front matter has none.
	a, err := article.ParseFile("testdata/articles/2022-03-15-NW202203150001.md")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Slug, a.Date.Format(time.RFC3339), a.DateZoneAssumed)
	for _, l := range a.Nav {
		fmt.Println(l.Text, l.Href)
	}
	// Output:
	// NW202203150001 2022-03-15T09:12:30+08:00 false
	// 返回国际商报新闻 //finews.example.com/category/guojishangbao.html
	// 返回首页 //finews.example.com/
}

func ExampleParser() {
	// A site whose dates carry no zone: give the parser the site's zone.
	shanghai := time.FixedZone("CST", 8*3600) // or time.LoadLocation("Asia/Shanghai")
	p := article.Parser{Location: shanghai}
	a, err := p.Parse(strings.NewReader("---\ndate: 2021-12-08 10:46:18\n---\n正文。\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Date.Format(time.RFC3339), a.DateZoneAssumed)
	// Output:
	// 2021-12-08T10:46:18+08:00 true
}

func ExampleParseError() {
	_, err := new(article.Parser).ParseBytes("post.md", []byte("---\ntitle: x\ndate: 2022-02-30\n---\n"))
	fmt.Println(err)
	var pe *article.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Col, errors.Is(err, article.ErrBadDate))
	}
	// Output:
	// post.md:3:7: article: invalid date: day 30 out of range for February 2022 in "2022-02-30"
	// 3 7 true
}

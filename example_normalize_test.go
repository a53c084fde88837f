package article_test

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/articlekit/article"
)

func ExampleNormalizeString() {
	fmt.Println(article.NormalizeString("亚信科技(中国)有限公司发布ＡＢＣ１２３...详见https://example.com/a?b=1,c=2。"))
	// Output:
	// 亚信科技（中国）有限公司发布ABC123……详见https://example.com/a?b=1,c=2。
}

func ExampleNormalize() {
	a, err := article.Parse(strings.NewReader("<p>他说:<em>你好</em>!</p>\n"))
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range article.Normalize(a) {
		fmt.Println(e)
	}
	// Output:
	// 1:10: punctuation: body[0].text: ":" → "："
	// 1:26: punctuation: body[0].text: "!" → "！"
}

func ExampleNormalizer() {
	n := article.Normalizer{
		Space:   true,                                     // 使用 Go 语言
		Disable: []article.RuleName{article.RuleEllipsis}, // keep "..."
	}
	fmt.Println(n.NormalizeString("使用Go语言开发...很快"))
	// Output:
	// 使用 Go 语言开发...很快
}

func ExampleNormalizer_location() {
	a, err := article.Parse(strings.NewReader("---\ndate: 2022-01-23 20:41:05 +0800\n---\n"))
	if err != nil {
		log.Fatal(err)
	}
	n := article.Normalizer{Location: time.UTC}
	n.Normalize(a)
	fmt.Println(a.Date.Format(time.RFC3339), a.FrontMatter.Fields[0].Value.Text)
	// Output:
	// 2022-01-23T12:41:05Z 2022-01-23 12:41:05 +0000
}

func ExampleSiteLocation() {
	// A Jekyll site declares its zone in _config.yml.
	site, err := os.MkdirTemp("", "site")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(site)
	os.WriteFile(filepath.Join(site, "_config.yml"), []byte("timezone: Asia/Shanghai\n"), 0o644)
	os.Mkdir(filepath.Join(site, "_posts"), 0o755)

	loc, config, err := article.SiteLocation(filepath.Join(site, "_posts"))
	if err != nil {
		log.Fatal(err) // an unknown zone, or no zoneinfo: import time/tzdata
	}
	p := article.Parser{Location: loc}
	a, err := p.Parse(strings.NewReader("---\ndate: 2021-12-08 10:46:18\n---\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(filepath.Base(config), loc)
	fmt.Println(a.Date.Format(time.RFC3339))
	// Output:
	// _config.yml Asia/Shanghai
	// 2021-12-08T10:46:18+08:00
}

// Reading back the JSON Lines that articlefmt -to jsonl writes: each line
// is one article's JSON with its file name added.
func ExampleArticle_UnmarshalJSON() {
	const jsonl = `{"file":"a.md","schema_version":1,"title":"第一篇","date":"2022-01-23T20:41:05+08:00","body":[{"type":"paragraph","text":[{"type":"text","text":"正文。"}]}]}
{"file":"b.md","schema_version":1,"title":"Second","date":null,"body":[]}
`
	sc := bufio.NewScanner(strings.NewReader(jsonl))
	sc.Buffer(nil, 64<<20) // articles can be long lines
	for sc.Scan() {
		var a article.Article
		if err := a.UnmarshalJSON(sc.Bytes()); err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.Title, a.Date.IsZero(), len(a.Body))
	}
	// Output:
	// 第一篇 false 1
	// Second true 0
}

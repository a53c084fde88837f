package article_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// hostileBodies are bodies an attacker could write. None of their active
// content may reach the Article or the Markdown rendered from it.
var hostileBodies = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
	`<style>body{background:url(javascript:alert(1))}</style>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<object data="javascript:alert(1)"></object>`,
	`<embed src="data:text/html,<script>alert(1)</script>">`,
	`<p onclick="alert(1)">click</p>`,
	`<img src=x onerror=alert(1)>`,
	`<body onload=alert(1)>text</body>`,
	`<a href="javascript:alert(1)">js</a>`,
	`<a href="JaVaScRiPt:alert(1)">mixed case</a>`,
	`<a href="jav&#x09;ascript:alert(1)">tab entity</a>`,
	`<a href="jav&#x0A;ascript:alert(1)">newline entity</a>`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">decimal entities</a>`,
	`<a href="&#x6A;avascript&colon;alert(1)">hex and named</a>`,
	`<a href="  javascript:alert(1)">leading spaces</a>`,
	"<a href=\"\x01javascript:alert(1)\">control char</a>",
	`<a href="vbscript:msgbox(1)">vb</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
	`<img src="data:text/html,<script>alert(1)</script>">`,
	`<img src="javascript:alert(1)" alt="alt kept">`,
	`<svg onload=alert(1)><circle r=5 /></svg>`,
	`<svg><script>alert(1)</script></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<form action="javascript:alert(1)"><input type=submit onclick=alert(1)></form>`,
	`<button formaction="javascript:alert(1)">b</button>`,
	`<details open ontoggle=alert(1)>d</details>`,
	`<div style="background:url(javascript:alert(1))">styled</div>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<base href="javascript:alert(1)//">`,
	`<link rel=stylesheet href="javascript:alert(1)">`,
	`<p>unclosed <a href="javascript:alert(1)">and <img src=x onerror=alert(1)`,
	`<noscript><img src=x onerror=alert(1)></noscript>`,
	`<template><script>alert(1)</script></template>`,
	`<video src="javascript:alert(1)"></video><audio src=x onerror=alert(1)></audio>`,
	`[md link](javascript:alert(1))`,
	`[md entity](&#106;avascript:alert(1))`,
	`![md image](javascript:alert(1))`,
	`<javascript:alert(1)>`,
	`[ref][x]` + "\n\n" + `[x]: javascript:alert(1)`,
}

// TestHostileHTML parses each hostile body as HTML and as Markdown, renders
// the article as Markdown, renders that with goldmark allowing raw HTML
// (the most trusting consumer), and requires the resulting page to hold
// no script-capable element, no event handler and no active URL.
func TestHostileHTML(t *testing.T) {
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	for _, body := range hostileBodies {
		for _, name := range []string{"hostile.html", "hostile.md"} {
			a, err := new(article.Parser).ParseBytes(name, []byte(body))
			if err != nil {
				t.Errorf("%s %q: %v", name, body, err)
				continue
			}
			js, _ := a.MarshalJSON()
			if bad := activeContent(js); bad != "" {
				t.Errorf("%s %q: the Article carries %q:\n%s", name, body, bad, js)
			}
			var md, page bytes.Buffer
			if err := render.Markdown(&md, a); err != nil {
				t.Fatal(err)
			}
			if err := gm.Convert(md.Bytes(), &page); err != nil {
				t.Fatal(err)
			}
			if bad := activeHTML(page.String()); bad != "" {
				t.Errorf("%s %q: the rendered Markdown gives a page with %s:\n%s", name, body, bad, page.String())
			}
		}
	}
}

// activeContent finds an active URL among the article's links and
// images. Text that merely spells "javascript:" is harmless and allowed.
func activeContent(js []byte) string {
	var v any
	if err := json.Unmarshal(js, &v); err != nil {
		return "invalid JSON"
	}
	var found string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				if s, ok := e.(string); ok && (k == "href" || k == "src" || k == "source_url") {
					u := strings.ToLower(strings.Join(strings.Fields(s), ""))
					for _, bad := range []string{"javascript:", "vbscript:", "data:text"} {
						if strings.HasPrefix(u, bad) {
							found = k + "=" + s
						}
					}
				}
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return found
}

// activeHTML parses a page and reports the first element or attribute
// that could run code.
func activeHTML(page string) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "a parse error"
	}
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta", "link", "template", "button", "input":
				found = "a <" + n.Data + "> element"
				return
			}
			for _, attr := range n.Attr {
				key := strings.ToLower(attr.Key)
				val := strings.ToLower(strings.Join(strings.Fields(attr.Val), ""))
				switch {
				case strings.HasPrefix(key, "on"):
					found = "an " + key + " attribute"
				case key == "style" || key == "srcdoc" || key == "formaction":
					found = "a " + key + " attribute"
				case strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:text"):
					found = key + "=" + attr.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// TestHostileCheckers makes sure the checks above can fail.
func TestHostileCheckers(t *testing.T) {
	for _, page := range []string{`<a href=" JavaScript:x">a</a>`, `<img src=x onerror=y>`, `<script>x</script>`, `<p style="x">p</p>`} {
		if activeHTML(page) == "" {
			t.Errorf("activeHTML missed %s", page)
		}
	}
	if activeHTML(`<p><a href="https://example.com/">ok</a> javascript: is a word here</p>`) != "" {
		t.Errorf("activeHTML flags a safe page")
	}
	if activeContent([]byte(`{"body":[{"href":"vbscript:x"}]}`)) == "" {
		t.Errorf("activeContent missed an href")
	}
}

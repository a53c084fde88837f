package article

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpBlocks writes blocks one per line, children indented by two spaces,
// inlines on their block's line: "text" em(…) strong(…) del(…) code("…")
// a[href "title"](…) img[src "alt" "title"] br fn[label].
func dumpBlocks(blocks []Block) string {
	var b strings.Builder
	dumpTo(&b, blocks, "")
	return b.String()
}

func dumpTo(b *strings.Builder, blocks []Block, indent string) {
	for _, x := range blocks {
		b.WriteString(indent)
		switch x := x.(type) {
		case *Paragraph:
			fmt.Fprintf(b, "p %s\n", dumpInlines(x.Text))
		case *Heading:
			fmt.Fprintf(b, "h%d %s\n", x.Level, dumpInlines(x.Text))
		case *List:
			if x.Ordered {
				fmt.Fprintf(b, "ol start=%d", x.Start)
			} else {
				b.WriteString("ul")
			}
			if x.Loose {
				b.WriteString(" loose")
			}
			b.WriteString("\n")
			for _, it := range x.Items {
				b.WriteString(indent + "  -")
				if it.Task != nil {
					if *it.Task {
						b.WriteString(" [x]")
					} else {
						b.WriteString(" [ ]")
					}
				}
				b.WriteString("\n")
				dumpTo(b, it.Blocks, indent+"    ")
			}
		case *Quote:
			b.WriteString("quote\n")
			dumpTo(b, x.Blocks, indent+"  ")
		case *Code:
			fmt.Fprintf(b, "code %q %q\n", x.Language, x.Text)
		case *Table:
			fmt.Fprintf(b, "table %v\n", x.Align)
			for i, row := range append([][]Cell{x.Header}, x.Rows...) {
				b.WriteString(indent + "  ")
				if i == 0 {
					b.WriteString("th")
				} else {
					b.WriteString("td")
				}
				for _, c := range row {
					b.WriteString(" | " + dumpInlines(c.Text))
				}
				b.WriteString("\n")
			}
		case *Figure:
			fmt.Fprintf(b, "figure %s caption %s\n", dumpInlines([]Inline{&x.Image}), dumpInlines(x.Caption))
		case *Rule:
			b.WriteString("hr\n")
		case *HTML:
			fmt.Fprintf(b, "html %q\n", x.Text)
		case *Footnote:
			fmt.Fprintf(b, "footnote %s\n", x.Label)
			dumpTo(b, x.Blocks, indent+"  ")
		default:
			fmt.Fprintf(b, "%T\n", x)
		}
	}
}

func dumpInlines(in []Inline) string {
	var parts []string
	for _, x := range in {
		switch x := x.(type) {
		case *Text:
			parts = append(parts, fmt.Sprintf("%q", x.Text))
		case *Emphasis:
			parts = append(parts, "em("+dumpInlines(x.Text)+")")
		case *Strong:
			parts = append(parts, "strong("+dumpInlines(x.Text)+")")
		case *Strike:
			parts = append(parts, "del("+dumpInlines(x.Text)+")")
		case *CodeSpan:
			parts = append(parts, fmt.Sprintf("code(%q)", x.Text))
		case *Link:
			t := ""
			if x.Title != "" {
				t = fmt.Sprintf(" %q", x.Title)
			}
			parts = append(parts, fmt.Sprintf("a[%s%s](%s)", x.Href, t, dumpInlines(x.Text)))
		case *Image:
			t := ""
			if x.Title != "" {
				t = fmt.Sprintf(" %q", x.Title)
			}
			parts = append(parts, fmt.Sprintf("img[%s %q%s]", x.Src, x.Alt, t))
		case *LineBreak:
			parts = append(parts, "br")
		case *FootnoteRef:
			parts = append(parts, "fn["+x.Label+"]")
		default:
			parts = append(parts, fmt.Sprintf("%T", x))
		}
	}
	return strings.Join(parts, " ")
}

func TestMarkdownBody(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraph", "Hello *world*, **bold** ~~gone~~ `code`.\n",
			`p "Hello " em("world") ", " strong("bold") " " del("gone") " " code("code") "."` + "\n"},
		{"soft break latin", "one\ntwo\n", `p "one two"` + "\n"},
		{"soft break cjk", "中文\n继续，\n下一行\nEnglish\n", `p "中文继续，下一行 English"` + "\n"},
		{"soft break across emphasis", "*中文*\n继续\n", `p em("中文") "继续"` + "\n"},
		{"soft break kana hangul", "かな\n한국어\n", `p "かな한국어"` + "\n"},
		{"hard break", "a  \nb\\\nc\n", `p "a" br "b" br "c"` + "\n"},
		{"headings", "# One #\n\nTwo\n---\n###### six\n", "h1 \"One\"\nh2 \"Two\"\nh6 \"six\"\n"},
		{"entities", "&amp; &copy; &#x4E2D; &#20013; &nbsp;x &bogus; \\*lit\\*\n",
			`p "& © 中 中 \u00a0x &bogus; *lit*"` + "\n"},
		{"code blocks", "```go\nfmt.Println()\n```\n\n    indented\n\n```\n```\n",
			"code \"go\" \"fmt.Println()\\n\"\ncode \"\" \"indented\\n\"\ncode \"\" \"\"\n"},
		{"tight list", "- a\n- b\n  - c\n", "ul\n  -\n    p \"a\"\n  -\n    p \"b\"\n    ul\n      -\n        p \"c\"\n"},
		{"loose ordered list", "3. a\n\n4. b\n", "ol start=3 loose\n  -\n    p \"a\"\n  -\n    p \"b\"\n"},
		{"task list", "- [x] done\n- [ ] todo\n", "ul\n  - [x]\n    p \"done\"\n  - [ ]\n    p \"todo\"\n"},
		{"nested quotes", "> a\n>> b\n", "quote\n  p \"a\"\n  quote\n    p \"b\"\n"},
		{"table", "| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* |\n",
			"table [left center right]\n  th | \"a\" | \"b\" | \"c\"\n  td | \"1\" | em(\"2\") | \n"},
		{"footnotes", "Text[^n].\n\n[^n]: The note.\n",
			"p \"Text\" fn[n] \".\"\nfootnote n\n  p \"The note.\"\n"},
		{"links and images", "[a *b*](http://x.com \"T\") ![alt *t*](i.png) <https://y.org> www.z.com <me@x.org>\n",
			`p a[http://x.com "T"]("a " em("b")) " " img[i.png "alt t"] " " a[https://y.org]("https://y.org") " " a[http://www.z.com]("www.z.com") " " a[mailto:me@x.org]("me@x.org")` + "\n"},
		{"rule", "a\n\n***\n", "p \"a\"\nhr\n"},
		{"liquid and shortcodes", "{% include x.html %} {{ page.title }}\n\n{{< figure src=\"a.png\" >}}\n\n{{<figure src=x>}} and {{% note %}}\n",
			"p \"{% include x.html %} {{ page.title }}\"\np \"{{< figure src=\\\"a.png\\\" >}}\"\np \"{{<figure src=x>}} and {{% note %}}\"\n"},
		{"more comment", "a\n\n<!--more-->\n\nb\n", "p \"a\"\nhtml \"<!--more-->\"\np \"b\"\n"},
		{"inline html", "a <em>b</em> <kbd>Ctrl</kbd>+<b>c</b> <!-- x --> d\n",
			`p "a " em("b") " " code("Ctrl") "+" strong("c") " d"` + "\n"},
		{"inline html cjk", "中文<span>加粗</span>\n继续 *强调*\n",
			`p "中文加粗继续 " em("强调")` + "\n"},
		{"html block", "<div align=\"center\">\n<p>One &amp; <a href=\"/x\">two</a></p>\n</div>\n\nafter\n",
			"p \"One & \" a[/x](\"two\")\np \"after\"\n"},
		{"html in heading", "## A <small>b</small>\n", "h2 \"A b\"\n"},
		{"html in cell", "| a |\n|---|\n| x<br>y |\n", "table []\n  th | \"a\"\n  td | \"x\" br \"y\"\n"},
		{"script inline", "a <script>alert(1)</script> b\n", `p "a b"` + "\n"},
		{"script block", "<script>\nalert(1)\n</script>\n\n<style>p{}</style>\n\nok\n", "p \"ok\"\n"},
		{"javascript link", "[x](javascript:alert(1)) [y](JaVaScRiPt&#58;alert(1)) <javascript:alert(1)>\n",
			`p "x y javascript:alert(1)"` + "\n"},
		{"data image", "![a](data:image/png;base64,AAAA) ![b](data:text/html,<x>) [c](data:image/png;base64,AA)\n",
			`p img[data:image/png;base64,AAAA "a"] " b c"` + "\n"},
		{"hostile raw html", "a <a href=\"jav&#x09;ascript:alert(1)\">x</a> <img src=x onerror=alert(1)> <svg onload=alert(1)>s</svg>\n\n<iframe src=javascript:alert(1)></iframe>\n\n<iframe src=\"https://v.example.com/1\"></iframe>\n",
			"p \"a x \" img[x \"\"]\np a[https://v.example.com/1](\"https://v.example.com/1\")\n"},
		{"escaped html looking text", "a \\<b> c\n", `p "a <b> c"` + "\n"},
		{"emphasis edge spaces html", "x<em> y </em>z\n", `p "x " em("y") " z"` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseMarkdownBody([]byte(tt.in), 1)
			if err != nil {
				t.Fatal(err)
			}
			if d := dumpBlocks(got); d != tt.want {
				t.Errorf("parseMarkdownBody(%q):\n got:\n%s\nwant:\n%s", tt.in, d, tt.want)
			}
			checkCanonical(t, got)
		})
	}
}

func TestHTMLBody(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>a\n  b</p>\n <p> c <em> d </em></p>", "p \"a b\"\np \"c \" em(\"d\")\n"},
		{"cjk newline", "<p>中文\n继续，\n next</p>", "p \"中文继续， next\"\n"},
		{"nbsp and ideographic space", "<p>&nbsp;a\u3000b  &amp;</p>", `p "\u00a0a\u3000b &"` + "\n"},
		{"implied p end", "<p>one<p>two<div>three</div>four", "p \"one\"\np \"two\"\np \"three\"\np \"four\"\n"},
		{"lazy images", "<p><img src=\"data:image/svg+xml;utf8,&lt;svg&gt;\" data-actualsrc=\"https://p.example.com/a.jpg\" alt=\"a\"><img data-src=\"b.png\"><img src=\"data:image/png;base64,AA\" alt=\"c\"></p>",
			`p img[https://p.example.com/a.jpg "a"] img[b.png ""] img[data:image/png;base64,AA "c"]` + "\n"},
		{"headings", "<h1>T</h1><h3>x<br>y</h3><h2></h2>", "h1 \"T\"\nh3 \"x\" br \"y\"\nh2 \n"},
		{"lists", "<ol start=\"5\"><li>a<li>b<ul><li>c</li></ul></ol><ul><li><p>p1</p><p>p2</p></li></ul>",
			"ol start=5\n  -\n    p \"a\"\n  -\n    p \"b\"\n    ul\n      -\n        p \"c\"\nul loose\n  -\n    p \"p1\"\n    p \"p2\"\n"},
		{"task list", "<ul><li><input type=\"checkbox\" checked disabled> done</li></ul>", "ul\n  - [x]\n    p \"done\"\n"},
		{"quote", "<blockquote><p>q</p><blockquote>qq</blockquote></blockquote>", "quote\n  p \"q\"\n  quote\n    p \"qq\"\n"},
		{"pre", "<pre><code class=\"language-go\">\nx := 1 &lt; 2\n</code></pre><pre class=\"brush: cpp;\">int x;</pre><pre lang-x>a<span>b</span>\nc</pre><pre>\nlead</pre>",
			"code \"go\" \"\\nx := 1 < 2\\n\"\ncode \"cpp\" \"int x;\\n\"\ncode \"\" \"ab\\nc\\n\"\ncode \"\" \"lead\\n\"\n"},
		{"table", "<table><thead><tr><th align=right>A</th><th style=\"text-align: center\">B</th></tr></thead><tbody><tr><td>1<td>2<td>3</tr><tr><td><p>x</p><p>y</p></td></tr></tbody></table>",
			"table [right center ]\n  th | \"A\" | \"B\" | \n  td | \"1\" | \"2\" | \"3\"\n  td | \"x\" br \"y\" |  | \n"},
		{"layout table", "<table><tr><td>a</td><td><table><tr><td>b</td><td>c</td></tr></table></td></tr></table>",
			"table [ ]\n  th |  | \n  td | \"a\" | \"b c\"\n"},
		{"figure", "<figure><img src=\"a.png\" alt=\"A\"><figcaption>Cap <em>x</em></figcaption></figure>",
			"figure img[a.png \"A\"] caption \"Cap \" em(\"x\")\n"},
		{"inline", "<p><i>i</i><b>b</b><s>s</s><strike>k</strike><tt>t</tt><samp>m</samp><a>no href</a><a href=\"h\" title=\"T\" onclick=\"x()\">y</a><sup>1</sup><font color=red>f</font></p>",
			`p em("i") strong("b") del("sk") code("tm") "no href" a[h "T"]("y") "1f"` + "\n"},
		{"divs", "<div><section>a<div>b</div>c</section></div><center><img src=\"c.png\"></center>",
			"p \"a\"\np \"b\"\np \"c\"\np img[c.png \"\"]\n"},
		{"comments", "<p>a<!-- inline --> b</p>\n<!--more-->\n<!-- EM_StockImg -->\n<!--[if IE]><script>x</script><![endif]-->",
			"p \"a b\"\nhtml \"<!--more-->\"\nhtml \"<!-- EM_StockImg -->\"\n"},
		{"hr", "<p>a</p><hr/><p>b", "p \"a\"\nhr\np \"b\"\n"},
		{"whole document", "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body><p>x</p></body></html>", "p \"x\"\n"},
		{"entities in attributes", "<a href=\"/a?x=1&amp;y=2\" title=\"&quot;q&quot;\">l</a>", "p a[/a?x=1&y=2 \"\\\"q\\\"\"](\"l\")\n"},
		{"shortcode in html", "<p>{{<figure src=x>}} {{< ref \"a\" >}}</p>", "p \"{{<figure src=x>}} {{< ref \\\"a\\\" >}}\"\n"},
		{"span around blocks", "<span><p>a</p><p>b</p></span>", "p \"a\"\np \"b\"\n"},

		// Hostile input.
		{"script", "<p>a<script>alert(1)</script>b</p><script>document.write('x')</script>", "p \"ab\"\n"},
		{"style noscript template", "<style>body{}</style><noscript>ns</noscript><template><p>t</p></template><p>ok</p>", "p \"ok\"\n"},
		{"tab in scheme", `<a href="jav&#x09;ascript:alert(1)">click</a>`, "p \"click\"\n"},
		{"mixed case", `<a href="JAVASCRIPT:alert(1)">x</a> <a href=" vbscript:msgbox">y</a>`, "p \"x y\"\n"},
		{"newline entity in scheme", `<a href="java&#10;script&colon;alert(1)">x</a>`, "p \"x\"\n"},
		{"data text", `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a><img src="data:text/html,x" alt="pic">`, "p \"xpic\"\n"},
		{"data image", `<img src="data:image/gif;base64,R0lG" alt="g"><a href="data:image/gif;base64,R0lG">l</a>`, "p img[data:image/gif;base64,R0lG \"g\"] \"l\"\n"},
		{"onerror", `<img src=x onerror="alert(1)">`, "p img[x \"\"]\n"},
		{"svg", `<p>a<svg onload="alert(1)"><text>svg text</text><svg/></svg>b</p>`, "p \"ab\"\n"},
		{"math", `<math><mi>x</mi></math><p>y</p>`, "p \"y\"\n"},
		{"iframe javascript", `<iframe src="javascript:alert(1)">fallback</iframe><p>x</p>`, "p \"x\"\n"},
		{"iframe web", `<iframe src="https://player.example.com/v/1" title="Video"></iframe><video src="//v.example.com/a.mp4"></video><audio><source src="http://a.example.com/s.mp3"></audio>`,
			"p a[https://player.example.com/v/1](\"Video\")\np a[//v.example.com/a.mp4](\"//v.example.com/a.mp4\")\np a[http://a.example.com/s.mp3](\"http://a.example.com/s.mp3\")\n"},
		{"embed object applet", `<embed src="x.swf"><object data="x"><p>in object</p></object><applet>a</applet><p>z</p>`, "p \"z\"\n"},
		{"forms", `<form><p>label <input name=x value=secret><button>Go</button><select><option>o</option></select><textarea>t</textarea></p></form>`, "p \"label\"\n"},
		{"unclosed script", "<p>a</p><script>b", "p \"a\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseHTMLBody([]byte(tt.in), 1)
			if err != nil {
				t.Fatal(err)
			}
			if d := dumpBlocks(got); d != tt.want {
				t.Errorf("parseHTMLBody(%q):\n got:\n%s\nwant:\n%s", tt.in, d, tt.want)
			}
			checkCanonical(t, got)
		})
	}
}

// A body shaped like the finews posts: HTML paragraphs in a Markdown
// file, later ones indented by a space, a credit line, an autolink and a
// line of navigation links. The text is ours.
const finewsShape = `<p>春节临近，本市各大商场的客流明显回升。</p>
 <p>记者走访发现，年货礼盒与本地特产最受欢迎，
不少商家延长了营业时间。</p>
 <p>“今年的订单比去年多三成。”一位店主说。</p><p class="em_media">（文章来源：示例日报）</p>

<http://example.com/news/1.html>

[返回示例新闻](//example.com/category/news.html)｜[返回首页](//example.com/)
`

func TestFinewsShape(t *testing.T) {
	got, err := parseMarkdownBody([]byte(finewsShape), 8)
	if err != nil {
		t.Fatal(err)
	}
	want := `p "春节临近，本市各大商场的客流明显回升。"
p "记者走访发现，年货礼盒与本地特产最受欢迎，不少商家延长了营业时间。"
p "“今年的订单比去年多三成。”一位店主说。"
p "（文章来源：示例日报）"
p a[http://example.com/news/1.html]("http://example.com/news/1.html")
p a[//example.com/category/news.html]("返回示例新闻") "｜" a[//example.com/]("返回首页")
`
	if d := dumpBlocks(got); d != want {
		t.Fatalf("got:\n%s\nwant:\n%s", d, want)
	}
	pos := func(b int) Pos { return got[b].(*Paragraph).Text[0].(*Text).Pos }
	linkPos := func(b, i int) Pos { return got[b].(*Paragraph).Text[i].(*Link).Text[0].(*Text).Pos }
	for _, tt := range []struct {
		got, want Pos
	}{
		{pos(0), Pos{8, 4}},
		{pos(1), Pos{9, 5}}, // after " <p>"
		{pos(2), Pos{11, 5}},
		{pos(3), Pos{11, 2 + len("<p>“今年的订单比去年多三成。”一位店主说。</p><p class=\"em_media\">")}},
		{linkPos(4, 0), Pos{13, 2}},
		{linkPos(5, 0), Pos{15, 2}},
		{got[5].(*Paragraph).Text[1].(*Text).Pos, Pos{15, 1 + len("[返回示例新闻](//example.com/category/news.html)")}},
	} {
		if tt.got != tt.want {
			t.Errorf("position %v, want %v", tt.got, tt.want)
		}
	}
	// The same text as an HTML body.
	h, err := parseHTMLBody([]byte(finewsShape), 8)
	if err != nil {
		t.Fatal(err)
	}
	if p := h[1].(*Paragraph).Text[0].(*Text); p.Pos != (Pos{9, 5}) || !strings.HasPrefix(p.Text, "记者") {
		t.Errorf("HTML: second paragraph %q at %v, want 记者… at 9:5", p.Text, p.Pos)
	}
}

func TestMarkdownPositions(t *testing.T) {
	src := "First *line*\r\nsecond\r\n\r\n- item 中文\n\n> quoted\n"
	got, err := parseMarkdownBody([]byte(src), 3)
	if err != nil {
		t.Fatal(err)
	}
	p := got[0].(*Paragraph)
	if pos := p.Text[0].(*Text).Pos; pos != (Pos{3, 1}) {
		t.Errorf("first text at %v, want 3:1", pos)
	}
	if pos := p.Text[1].(*Emphasis).Text[0].(*Text).Pos; pos != (Pos{3, 8}) {
		t.Errorf("emphasis at %v, want 3:8", pos)
	}
	item := got[1].(*List).Items[0].Blocks[0].(*Paragraph).Text[0].(*Text)
	if item.Pos != (Pos{6, 3}) {
		t.Errorf("item at %v, want 6:3", item.Pos)
	}
	q := got[2].(*Quote).Blocks[0].(*Paragraph).Text[0].(*Text)
	if q.Pos != (Pos{8, 3}) {
		t.Errorf("quote at %v, want 8:3", q.Pos)
	}
}

// checkCanonical fails if blocks break the canonical-form rules 1 and 2
// or hold a dangerous URL or a forbidden HTML block.
func checkCanonical(t testing.TB, blocks []Block) {
	t.Helper()
	if msg := canonicalProblem(blocks); msg != "" {
		t.Errorf("not canonical: %s\n%s", msg, dumpBlocks(blocks))
	}
}

func canonicalProblem(blocks []Block) string {
	var problem string
	var inl func(in []Inline, top bool)
	inl = func(in []Inline, top bool) {
		for i, x := range in {
			switch x := x.(type) {
			case *Text:
				if x.Text == "" {
					problem = "empty text"
				}
				if strings.Contains(x.Text, "\n") {
					problem = fmt.Sprintf("newline in text %q", x.Text)
				}
				if i > 0 {
					if _, ok := in[i-1].(*Text); ok {
						problem = "adjacent texts"
					}
				}
			case *Emphasis:
				checkEdges(x.Text, &problem)
				inl(x.Text, false)
			case *Strong:
				checkEdges(x.Text, &problem)
				inl(x.Text, false)
			case *Strike:
				checkEdges(x.Text, &problem)
				inl(x.Text, false)
			case *Link:
				if dangerousURL(x.Href) {
					problem = "dangerous href " + x.Href
				}
				inl(x.Text, false)
			case *Image:
				if dangerousURL(x.Src) {
					problem = "dangerous src " + x.Src
				}
			case *CodeSpan:
				if x.Text == "" || strings.Contains(x.Text, "\n") {
					problem = fmt.Sprintf("bad code span %q", x.Text)
				}
			}
		}
		if top && len(in) > 0 {
			if t, ok := in[0].(*Text); ok && strings.HasPrefix(t.Text, " ") {
				problem = "leading space"
			}
			if t, ok := in[len(in)-1].(*Text); ok && strings.HasSuffix(t.Text, " ") {
				problem = "trailing space"
			}
		}
	}
	var blk func([]Block)
	blk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Paragraph:
				if len(b.Text) == 0 {
					problem = "empty paragraph"
				}
				inl(b.Text, true)
			case *Heading:
				inl(b.Text, true)
			case *List:
				for _, it := range b.Items {
					blk(it.Blocks)
				}
			case *Quote:
				blk(b.Blocks)
			case *Footnote:
				blk(b.Blocks)
			case *Code:
				if b.Text != "" && !strings.HasSuffix(b.Text, "\n") {
					problem = "code without final newline"
				}
			case *Table:
				for _, row := range append([][]Cell{b.Header}, b.Rows...) {
					if len(row) != len(b.Align) {
						problem = "ragged table"
					}
					for _, c := range row {
						inl(c.Text, true)
					}
				}
			case *Figure:
				if dangerousURL(b.Image.Src) {
					problem = "dangerous figure src"
				}
				inl(b.Caption, true)
			case *HTML:
				if !strings.HasPrefix(b.Text, "<!--") || !strings.HasSuffix(b.Text, "-->") || strings.ContainsAny(b.Text[4:len(b.Text)-3], "<>") {
					problem = "HTML block that is not a plain comment: " + b.Text
				}
			}
		}
	}
	blk(blocks)
	return problem
}

func checkEdges(in []Inline, problem *string) {
	if len(in) == 0 {
		*problem = "empty emphasis"
		return
	}
	if t, ok := in[0].(*Text); ok && strings.HasPrefix(t.Text, " ") {
		*problem = "emphasis starts with a space"
	}
	if t, ok := in[len(in)-1].(*Text); ok && strings.HasSuffix(t.Text, " ") {
		*problem = "emphasis ends with a space"
	}
}

func dangerousURL(u string) bool {
	var b strings.Builder
	for _, r := range u {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	s := strings.ToLower(b.String())
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:text")
}

// stripFrontMatter crudely drops a front matter block: from a first line
// of --- or +++ to the next such line. It returns the body and the line on
// which it starts.
func stripFrontMatter(src []byte) ([]byte, int) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	lines := bytes.SplitAfter(src, []byte("\n"))
	first := 0
	for first < len(lines) && len(bytes.TrimSpace(lines[first])) == 0 {
		first++
	}
	if first == len(lines) {
		return src, 1
	}
	delim := string(bytes.TrimSpace(lines[first]))
	if delim != "---" && delim != "+++" {
		return src, 1
	}
	for i := first + 1; i < len(lines); i++ {
		if string(bytes.TrimSpace(lines[i])) == delim {
			return bytes.Join(lines[i+1:], nil), i + 2
		}
	}
	return src, 1
}

func corpusFiles(t testing.TB) []string {
	dir := filepath.Join("..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not found at %s: %v (it is not part of the repository)", dir, err)
	}
	var files []string
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			switch filepath.Ext(path) {
			case ".md", ".markdown", ".html":
				files = append(files, path)
			}
		}
		return nil
	})
	return files
}

func TestCorpusBodies(t *testing.T) {
	for _, name := range corpusFiles(t) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		body, line := stripFrontMatter(src)
		parse := parseMarkdownBody
		if filepath.Ext(name) == ".html" {
			parse = parseHTMLBody
		}
		for _, p := range []func([]byte, int) ([]Block, error){parse, parseHTMLBody} {
			blocks, err := p(body, line)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if msg := canonicalProblem(blocks); msg != "" {
				t.Errorf("%s: not canonical: %s", name, msg)
			}
		}
	}
}

// TestDumpCorpus prints the blocks of the files named by the
// ARTICLE_DUMP environment variable (paths relative to the corpus), for
// looking at them.
func TestDumpCorpus(t *testing.T) {
	names := os.Getenv("ARTICLE_DUMP")
	if names == "" {
		t.Skip("set ARTICLE_DUMP=file,… to dump corpus files")
	}
	for _, name := range strings.Split(names, ",") {
		src, err := os.ReadFile(filepath.Join("..", "shared", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		body, line := stripFrontMatter(src)
		parse := parseMarkdownBody
		if filepath.Ext(name) == ".html" {
			parse = parseHTMLBody
		}
		blocks, _ := parse(body, line)
		fmt.Printf("== %s\n%s", name, dumpBlocks(blocks))
	}
}

func TestDeepNesting(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</div>", 5000),
		strings.Repeat("<blockquote>", 3000) + "q",
		strings.Repeat("<b><i>", 3000) + "x",
		strings.Repeat("<ul><li>", 3000) + "l",
	} {
		blocks, err := parseHTMLBody([]byte(in), 1)
		if err != nil {
			t.Fatal(err)
		}
		if d := dumpBlocks(blocks); !strings.Contains(d, `"deep"`) && !strings.Contains(d, `"q"`) && !strings.Contains(d, `"x"`) && !strings.Contains(d, `"l"`) {
			t.Errorf("text lost in deep nesting of %.20q…", in)
		}
	}
	for _, in := range []string{
		strings.Repeat(">", 3000) + " q\n",
		strings.Repeat("- ", 1000) + "l\n",
		strings.Repeat("*a ", 2000) + strings.Repeat("b*", 2000) + "\n",
	} {
		blocks, err := parseMarkdownBody([]byte(in), 1)
		if err != nil {
			t.Fatal(err)
		}
		checkCanonical(t, blocks)
	}
}

func BenchmarkDeepDivs(b *testing.B) {
	src := []byte(strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := parseHTMLBody(src, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func hugeParagraph() string {
	var s strings.Builder
	for s.Len() < 10<<20 {
		s.WriteString("这是一段很长的文字 with *some* words and <b>tags</b>,\n")
	}
	return s.String()
}

func BenchmarkHugeParagraph(b *testing.B) {
	huge := hugeParagraph()
	for _, bb := range []struct {
		name  string
		parse func([]byte, int) ([]Block, error)
		src   []byte
	}{
		{"html", parseHTMLBody, []byte("<p>" + huge + "</p>")},
		{"markdown", parseMarkdownBody, []byte(huge)},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.src)))
			for b.Loop() {
				if _, err := bb.parse(bb.src, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzBody(f *testing.F) {
	for _, s := range []string{
		"# T\n\nHello *world*\n中文\n继续\n",
		"<p>a<script>x</script><a href=\"jav&#x09;ascript:1\">b</a></p>",
		"<table><tr><td>a<td>b</table><img src=x onerror=y>",
		"- [x] a\n- b\n\n> q\n\n| a |\n|---|\n| b |\n",
		"x[^1]\n\n[^1]: n\n",
		"{{<figure src=x>}} <!--more--> <svg onload=x>",
		"<iframe src=https://x.org></iframe><figure><img src=a><figcaption>c</figcaption></figure>",
		finewsShape,
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, asHTML bool) {
		parse := parseMarkdownBody
		if asHTML {
			parse = parseHTMLBody
		}
		blocks, err := parse([]byte(in), 1)
		if err != nil {
			return
		}
		if msg := canonicalProblem(blocks); msg != "" {
			t.Fatalf("%q: not canonical: %s\n%s", in, msg, dumpBlocks(blocks))
		}
	})
}

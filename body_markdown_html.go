package article

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// htmlBlock converts a goldmark HTML block through the HTML path.
func (c *mdConverter) htmlBlock(n *ast.HTMLBlock) []Block {
	b := newHTMLBuilder(c.lines)
	c.feedHTMLBlock(b, n)
	return b.blocks()
}

// figureRun reads a <figure> element written across Markdown blocks, as
// render.Markdown writes a figure so that its image and caption are
// Markdown (and survive a renderer that omits raw HTML):
//
//	<figure>
//
//	![alt](src)
//
//	<figcaption>
//
//	caption
//
//	</figcaption>
//	</figure>
//
// When n is an HTML block that leaves a <figure> open, it and the blocks
// after it, up to the one that closes the figure, go through one HTML
// builder, the Markdown blocks as their elements. It returns the blocks
// and the node after the run; ok is false when n starts no such run.
func (c *mdConverter) figureRun(n ast.Node) (out []Block, next ast.Node, ok bool) {
	h, isHTML := n.(*ast.HTMLBlock)
	if !isHTML || !c.mentions(h, "<figure") {
		return nil, nil, false
	}
	b := newHTMLBuilder(c.lines)
	c.feedHTMLBlock(b, h)
	next = n.NextSibling()
	for next != nil && b.isOpen("figure") && c.feedBlock(b, next) {
		next = next.NextSibling()
	}
	return b.blocks(), next, true
}

// mentions reports whether an HTML block's text holds s, ignoring case.
func (c *mdConverter) mentions(n *ast.HTMLBlock, s string) bool {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if containsFold(seg.Value(c.src), s) {
			return true
		}
	}
	return false
}

// containsFold reports whether v holds s (which starts with a byte that
// has no case), ignoring ASCII case.
func containsFold(v []byte, s string) bool {
	for {
		i := bytes.IndexByte(v, s[0])
		if i < 0 {
			return false
		}
		v = v[i:]
		if len(v) >= len(s) && strings.EqualFold(string(v[:len(s)]), s) {
			return true
		}
		v = v[1:]
	}
}

// feedBlock feeds a Markdown block inside an open HTML element to b, as
// the element it stands for; it reports false, feeding nothing, for a
// block it does not handle (lists, quotes, tables), which ends the run.
func (c *mdConverter) feedBlock(b *htmlBuilder, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.HTMLBlock:
		c.feedHTMLBlock(b, n)
	case *ast.Paragraph, *ast.TextBlock, *plainParagraph, *simpleParagraph:
		buildReadAhead(n, c.src)
		b.start("p", nil, false)
		c.feed(b, n, 0)
		b.end("p")
	case *ast.Heading:
		c.feedHeading(b, n, n.Level)
	case *prereadHeading:
		n.build(c.src)
		c.feedHeading(b, n, n.Level)
	case *ast.ThematicBreak:
		b.start("hr", nil, false)
	case *ast.FencedCodeBlock:
		var attrs []html.Attribute
		if n.Info != nil {
			attrs = append(attrs, attr("class", "language-"+unescapeMarkdown(n.Language(c.src))))
		}
		c.feedCode(b, n.Lines(), attrs)
	case *ast.CodeBlock:
		c.feedCode(b, n.Lines(), nil)
	default:
		return false
	}
	return true
}

// feedHeading feeds heading n, of the given level, as an h1–h6 element.
func (c *mdConverter) feedHeading(b *htmlBuilder, n ast.Node, level int) {
	tag := "h" + strconv.Itoa(min(max(level, 1), 6))
	b.start(tag, nil, false)
	c.feed(b, n, 0)
	b.end(tag)
}

func (c *mdConverter) feedCode(b *htmlBuilder, lines *text.Segments, attrs []html.Attribute) {
	b.start("pre", nil, false)
	b.start("code", attrs, false)
	b.mdText(c.linesText(lines), -1, 0, nil)
	b.end("code")
	b.end("pre")
}

// feedHTMLBlock feeds a goldmark HTML block to b, keeping positions by
// mapping the concatenated lines back to the body.
func (c *mdConverter) feedHTMLBlock(b *htmlBuilder, n *ast.HTMLBlock) {
	if start, stop, ok := c.contiguous(n); ok {
		// The common case: whole lines that follow each other in the
		// body, read in place.
		b.feedHTMLString(c.src[start:stop], c.source()[start:stop], identityMap(start))
		return
	}
	var buf []byte
	var bufStarts, srcStarts []int
	add := func(seg text.Segment) {
		bufStarts = append(bufStarts, len(buf))
		srcStarts = append(srcStarts, seg.Start-seg.Padding)
		buf = append(buf, seg.Value(c.src)...)
	}
	lines := n.Lines()
	for i := range lines.Len() {
		add(lines.At(i))
	}
	if n.HasClosure() {
		add(n.ClosureLine)
	}
	b.feedHTML(buf, segmentMap(bufStarts, srcStarts))
}

// contiguous reports whether the lines of an HTML block, closure
// included, are one span of the body, start to stop.
func (c *mdConverter) contiguous(n *ast.HTMLBlock) (start, stop int, ok bool) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return 0, 0, false
	}
	start, stop = lines.At(0).Start, lines.At(0).Start
	next := func(seg text.Segment) bool {
		if seg.Padding != 0 || seg.Start != stop {
			return false
		}
		stop = seg.Stop
		return true
	}
	for i := range lines.Len() {
		if !next(lines.At(i)) {
			return 0, 0, false
		}
	}
	if n.HasClosure() && !next(n.ClosureLine) {
		return 0, 0, false
	}
	return start, stop, true
}

// hasRawHTML reports whether n's inlines hold raw HTML other than a Hugo
// shortcode's {{<tag>}}.
func (c *mdConverter) hasRawHTML(n ast.Node) bool {
	if r, ok := n.(*ast.RawHTML); ok && !c.isShortcodeRaw(r) {
		return true
	}
	for x := n.FirstChild(); x != nil; x = x.NextSibling() {
		if c.hasRawHTML(x) {
			return true
		}
	}
	return false
}

func (c *mdConverter) isShortcodeRaw(r *ast.RawHTML) bool {
	if r.Segments.Len() == 0 {
		return false
	}
	return isShortcode(c.src, r.Segments.At(0).Start, r.Segments.At(r.Segments.Len()-1).Stop)
}

func (c *mdConverter) rawText(r *ast.RawHTML) string {
	var b bytes.Buffer
	for i := range r.Segments.Len() {
		seg := r.Segments.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

// feedInlines feeds a Markdown block's inlines, raw HTML and all, to an
// HTML builder: Markdown inlines become the equivalent elements.
func (c *mdConverter) feedInlines(parent ast.Node) *htmlBuilder {
	b := newHTMLBuilder(c.lines)
	c.feed(b, parent, 0)
	return b
}

func (c *mdConverter) feed(b *htmlBuilder, parent ast.Node, depth int) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		c.feedNode(b, n, depth)
	}
}

func attr(k, v string) html.Attribute { return html.Attribute{Key: k, Val: v} }

func (c *mdConverter) feedNode(b *htmlBuilder, n ast.Node, depth int) {
	wrap := func(tag string, attrs ...html.Attribute) {
		b.start(tag, attrs, false)
		c.feed(b, n, depth+1)
		b.end(tag)
	}
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		var marks []textMark
		if !n.IsRaw() && seg.Padding == 0 && needsUnescape(c.src[seg.Start:seg.Stop]) {
			marks = c.escapeMarks(seg)
		}
		b.mdText(breaksOf(c.segmentText(seg, n.IsRaw())), textPos(c.src, seg), pieceOffset(c.src, seg), marks)
		if n.HardLineBreak() {
			b.start("br", nil, false)
		} else if n.SoftLineBreak() {
			b.text("\n", -1)
		}
	case *ast.String:
		s := string(n.Value)
		if !n.IsRaw() && !n.IsCode() {
			s = unescapeMarkdown(n.Value)
		}
		b.mdText(breaksOf(s), -1, 0, nil)
	case *ast.CodeSpan:
		b.start("code", nil, false)
		b.mdText(c.codeSpanText(n), -1, 0, nil)
		b.end("code")
	case *ast.Emphasis:
		if n.Level >= 2 {
			wrap("strong")
		} else {
			wrap("em")
		}
	case *east.Strikethrough:
		wrap("del")
	case *ast.Link:
		attrs := []html.Attribute{attr("href", unescapeMarkdown(n.Destination))}
		if n.Title != nil {
			attrs = append(attrs, attr("title", unescapeMarkdown(n.Title)))
		}
		wrap("a", attrs...)
	case *ast.Image:
		attrs := []html.Attribute{attr("src", unescapeMarkdown(n.Destination)), attr("alt", c.plainText(n))}
		if n.Title != nil {
			attrs = append(attrs, attr("title", unescapeMarkdown(n.Title)))
		}
		b.start("img", attrs, false)
	case *ast.AutoLink:
		url := string(n.URL(c.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower([]byte(url)), []byte("mailto:")) {
			url = "mailto:" + url
		}
		b.start("a", []html.Attribute{attr("href", url)}, false)
		b.text(string(n.Label(c.src)), c.autoLinkPos(n))
		b.end("a")
	case *ast.RawHTML:
		if c.isShortcodeRaw(n) {
			b.text(c.rawText(n), -1)
			return
		}
		if n.Segments.Len() == 1 {
			seg := n.Segments.At(0)
			if tag, kind, ok := simpleTag(seg.Value(c.src)); ok {
				if kind == html.EndTagToken {
					b.end(tag)
				} else {
					b.start(tag, nil, kind == html.SelfClosingTagToken)
				}
				return
			}
		}
		var buf []byte
		var bufStarts, srcStarts []int
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			bufStarts = append(bufStarts, len(buf))
			srcStarts = append(srcStarts, seg.Start)
			buf = append(buf, seg.Value(c.src)...)
		}
		b.feedHTML(buf, segmentMap(bufStarts, srcStarts))
	case *east.FootnoteLink:
		b.appendNode(b.node(hnode{tag: "#fnref", text: c.fnLabel(n.Index)}))
	case *east.FootnoteBacklink, *east.TaskCheckBox:
	default:
		c.feed(b, n, depth+1)
	}
}

// simpleTag reads a tag without attributes, <name>, <name/>, <name />
// or </name>, the usual raw HTML inside Markdown, as feedHTML's tokenizer
// would read it alone: the name in lower case and the token's type. It
// reports false for anything else, which needs the tokenizer.
func simpleTag(v []byte) (name string, kind html.TokenType, ok bool) {
	if len(v) < 3 || v[0] != '<' || v[len(v)-1] != '>' {
		return "", 0, false
	}
	i, kind := 1, html.StartTagToken
	if v[1] == '/' {
		i, kind = 2, html.EndTagToken
	}
	j := i
	for j < len(v) && (isASCIIAlpha(v[j]) || j > i && v[j] >= '0' && v[j] <= '9') {
		j++
	}
	if j == i {
		return "", 0, false
	}
	rest := v[j : len(v)-1]
	switch {
	case len(rest) == 0:
	case kind == html.StartTagToken && (string(rest) == "/" || string(rest) == " /"):
		kind = html.SelfClosingTagToken
	default:
		return "", 0, false
	}
	return tagName(v[i:j]), kind, true
}

func isASCIIAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tagName returns name (ASCII letters and digits) in lower case, without
// allocating for the names x/net/html knows (internName).
func tagName(name []byte) string {
	var lower [16]byte
	return internName(appendLowerASCII(lower[:0], name))
}

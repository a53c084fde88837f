package article

import (
	"strconv"
	"strings"
)

// An htmlConverter turns the tree of body_html.go into blocks.
//
// Comments become *HTML blocks when they stand between blocks (<!--more-->);
// a comment inside a run of text is dropped, since an inline HTML block
// cannot be written in Markdown without changing the paragraph around it.
type htmlConverter struct {
	lines *lineIndex
	// keep holds the texts that came from Markdown (hnode.verbatim),
	// whose spaces are not collapsed.
	keep map[*Text]bool
}

// blocks converts the children of a block container: block elements yield
// their blocks, runs of inline content yield paragraphs.
func (c *htmlConverter) blocks(kids []*hnode, depth int) []Block {
	return c.appendBlocks(nil, kids, depth)
}

// appendBlocks appends the blocks of kids to out.
func (c *htmlConverter) appendBlocks(out []Block, kids []*hnode, depth int) []Block {
	var runBuf [16]*hnode // most runs are short: no allocation
	run := runBuf[:0]
	flush := func() {
		if len(run) > 0 && !isSpaceRun(run) {
			if p := paragraphKeep(c.inlines(run, depth), true, c.keep); p != nil {
				out = append(out, p)
			}
		}
		run = run[:0]
	}
	for i := 0; i < len(kids); i++ {
		n := kids[i]
		switch {
		case n.tag == "#comment":
			if blankRun(run) {
				run = run[:0]
				if keepComment(n.text) {
					out = append(out, &HTML{Text: n.text})
				}
			}
		case n.tag == "li":
			flush()
			j := i
			for j+1 < len(kids) && (kids[j+1].tag == "li" || isBlankText(kids[j+1])) {
				j++
			}
			out = append(out, c.list(&hnode{tag: "ul", kids: kids[i : j+1]}, depth+1)...)
			i = j
		case n.tag != "" && (isBlockTag(n.tag) || n.hasBlock):
			flush()
			out = c.appendBlock(out, n, depth+1)
		case n.tag == "iframe" || n.tag == "video" || n.tag == "audio" || n.tag == "embed":
			if blankRun(run) {
				run = run[:0]
				if l := c.embed(n); l != nil {
					out = append(out, &Paragraph{Text: []Inline{l}})
				}
				continue
			}
			run = append(run, n)
		default:
			run = append(run, n)
		}
	}
	flush()
	return out
}

func isBlankText(n *hnode) bool {
	return n.tag == "" && isAllSpace(n.text) || n.tag == "#skipped"
}

// isSpaceRun reports whether a run of inline content is only white space
// that HTML collapses, comments and skipped elements: the line breaks
// between block elements, whose paragraph would be trimmed to nothing, so
// converting it would be wasted.
// It is blankRun but for text from Markdown (hnode.verbatim), which
// keeps its spaces.
func isSpaceRun(run []*hnode) bool {
	for _, n := range run {
		if n.verbatim {
			return false
		}
	}
	return blankRun(run)
}

// isAllSpace reports whether s is only ASCII white space (isSpace).
func isAllSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

func blankRun(run []*hnode) bool {
	for _, n := range run {
		if !isBlankText(n) && n.tag != "#comment" {
			return false
		}
	}
	return true
}

// keepComment reports whether a comment may be kept as an HTML block: a
// well-formed comment holding no markup (so no conditional comment
// carrying a script).
func keepComment(raw string) bool {
	if !strings.HasPrefix(raw, "<!--") || !strings.HasSuffix(raw, "-->") || len(raw) < 7 {
		return false
	}
	inner := raw[4 : len(raw)-3]
	return !strings.ContainsAny(inner, "<>") && !strings.Contains(inner, "--")
}

// appendBlock appends the blocks of n to out: a paragraph's go straight
// there, where block would return them in a slice of their own.
func (c *htmlConverter) appendBlock(out []Block, n *hnode, depth int) []Block {
	if n.tag == "p" {
		return c.appendBlocks(out, n.kids, depth)
	}
	return append(out, c.block(n, depth)...)
}

// block converts one block element (or an inline element holding blocks).
func (c *htmlConverter) block(n *hnode, depth int) []Block {
	switch n.tag {
	case "p":
		return c.blocks(n.kids, depth)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		// An empty heading is kept, as Markdown's "##" keeps it.
		return []Block{&Heading{Level: int(n.tag[1] - '0'), Text: c.textOf(n)}}
	case "ul", "ol", "menu":
		return c.list(n, depth)
	case "blockquote":
		// An empty quote is kept, as Markdown's ">" keeps it.
		return []Block{&Quote{Blocks: c.blocks(n.kids, depth)}}
	case "pre", "xmp", "listing", "plaintext":
		return []Block{c.code(n)}
	case "table":
		return c.table(n, depth)
	case "hr":
		return []Block{&Rule{}}
	case "figure":
		return c.figure(n, depth)
	}
	return c.blocks(n.kids, depth)
}

// textOf converts the content of a place that holds only text (heading,
// cell, caption); blocks inside it are flattened.
func (c *htmlConverter) textOf(n *hnode) []Inline {
	if n.hasBlock {
		return flattenBlocks(c.blocks(n.kids, 0))
	}
	return finishInlinesKeep(c.inlines(n.kids, 0), true, c.keep)
}

// inlines converts a run of inline content. Whitespace is collapsed into
// one space, or into breakMark when it holds a newline (resolved later
// by resolveBreaks).
func (c *htmlConverter) inlines(nodes []*hnode, depth int) []Inline {
	return c.appendInlines(nil, nodes, depth)
}

// appendInlines appends the inlines of nodes to out.
func (c *htmlConverter) appendInlines(out []Inline, nodes []*hnode, depth int) []Inline {
	for _, n := range nodes {
		out = c.appendInline(out, n, depth)
	}
	return out
}

// appendInline appends the inlines n converts to.
func (c *htmlConverter) appendInline(out []Inline, n *hnode, depth int) []Inline {
	if depth > maxDepth {
		return c.appendInlines(out, n.kids, depth)
	}
	switch n.tag {
	case "":
		if n.verbatim {
			t := &Text{Text: n.text, Pos: c.lines.pos(n.off), lines: c.markLines(n.marks)}
			if c.keep == nil {
				c.keep = map[*Text]bool{}
			}
			c.keep[t] = true
			return append(out, t)
		}
		text, marks := collapseSpaceMarks(n.text, n.marks, n.off)
		return append(out, &Text{Text: text, Pos: c.lines.pos(n.off), lines: c.markLines(marks)})
	case "#comment", "#checkbox", "#skipped", "source":
		return out
	case "em", "i":
		return append(out, &Emphasis{Text: c.inlines(n.kids, depth+1)})
	case "strong", "b":
		return append(out, &Strong{Text: c.inlines(n.kids, depth+1)})
	case "del", "s", "strike":
		return append(out, &Strike{Text: c.inlines(n.kids, depth+1)})
	case "code", "tt", "kbd", "samp":
		if len(n.kids) == 1 && n.kids[0].verbatim {
			return append(out, &CodeSpan{Text: n.kids[0].text}) // a Markdown code span
		}
		return append(out, &CodeSpan{Text: strings.ReplaceAll(collapseSpace(textContent(n)), breakMark, " ")})
	case "br":
		return append(out, &LineBreak{})
	case "img", "image":
		return append(out, c.image(n)...)
	case "#fnref":
		return append(out, &FootnoteRef{Label: n.text})
	case "a":
		href, ok := cleanURL(n.attr("href"), false)
		if !hasAttr(n.attrs, "href") || !ok {
			return c.appendInlines(out, n.kids, depth+1)
		}
		return append(out, &Link{Href: href, Title: cleanAttrText(n.attr("title")), Text: unwrapLinks(c.inlines(n.kids, depth+1))})
	case "iframe", "video", "audio", "embed":
		if l := c.embed(n); l != nil {
			return append(out, l)
		}
		return out
	}
	if isBlockTag(n.tag) {
		// A block inside inline-only content (reached only from a
		// Markdown paragraph): keep its text, separated by a break.
		in := flattenBlocks(c.block(n, depth+1))
		out = append(out, &LineBreak{})
		out = append(out, in...)
		return append(out, &LineBreak{})
	}
	return c.appendInlines(out, n.kids, depth+1)
}

// textContent is the text of n and its descendants, <br> as a newline.
func textContent(n *hnode) string {
	if len(n.kids) == 1 && n.kids[0].tag == "" {
		return n.kids[0].text // the usual <code>: no copy
	}
	var b strings.Builder
	var walk func(n *hnode)
	walk = func(n *hnode) {
		switch n.tag {
		case "":
			b.WriteString(n.text)
		case "br":
			b.WriteByte('\n')
		case "#comment", "#checkbox":
		default:
			for _, k := range n.kids {
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

func (c *htmlConverter) image(n *hnode) []Inline {
	alt := cleanAttrText(n.attr("alt"))
	src := n.attr("src")
	// Lazy-loading pages (zhihu, WordPress plug-ins) put a placeholder,
	// often a data: URL, in src and the image in a data- attribute.
	if s := strings.TrimSpace(src); s == "" || schemeOf(s) == "data" {
		for _, k := range []string{"data-src", "data-original", "data-actualsrc"} {
			if v := n.attr(k); strings.TrimSpace(v) != "" {
				src = v
				break
			}
		}
	}
	src, ok := cleanURL(src, true)
	if !ok || src == "" {
		if alt == "" {
			return nil
		}
		return []Inline{&Text{Text: alt}}
	}
	return []Inline{&Image{Src: src, Alt: alt, Title: cleanAttrText(n.attr("title"))}}
}

// embed returns a link to the web source of an iframe, video, audio or
// embed element, or nil: nothing of it runs, and nothing readable is lost.
func (c *htmlConverter) embed(n *hnode) Inline {
	src := n.attr("src")
	if src == "" {
		for _, k := range n.kids {
			if k.tag == "source" && k.attr("src") != "" {
				src = k.attr("src")
				break
			}
		}
	}
	src, ok := cleanURL(src, false)
	if !ok || !isWebURL(src) {
		return nil
	}
	text := cleanAttrText(n.attr("title"))
	if text == "" {
		text = src
	}
	return &Link{Href: src, Text: []Inline{&Text{Text: text}}}
}

func (c *htmlConverter) list(n *hnode, depth int) []Block {
	l := &List{Ordered: n.tag == "ol"}
	if l.Ordered {
		l.Start = 1
		if s, err := strconv.Atoi(strings.TrimSpace(n.attr("start"))); err == nil && s >= 0 && s < 1e9 {
			l.Start = s
		}
	}
	var stray []*hnode // content outside any li
	flushStray := func() {
		if blankRun(stray) {
			stray = nil
			return
		}
		bs := c.blocks(stray, depth)
		stray = nil
		if len(bs) == 0 {
			return
		}
		// A list nested directly in a list belongs to the item before it.
		if len(l.Items) > 0 {
			last := l.Items[len(l.Items)-1]
			last.Blocks = append(last.Blocks, bs...)
			return
		}
		l.Items = append(l.Items, &ListItem{Blocks: bs})
	}
	for _, k := range n.kids {
		if k.tag != "li" {
			stray = append(stray, k)
			continue
		}
		flushStray()
		it := &ListItem{}
		kids := k.kids
		for i, x := range kids {
			if x.tag == "#checkbox" {
				checked := x.text != ""
				it.Task = &checked
				kids = kids[i+1:]
				break
			}
			if !isBlankText(x) {
				break
			}
		}
		it.Blocks = c.blocks(kids, depth)
		for _, x := range kids {
			if x.tag == "p" {
				l.Loose = true
			}
		}
		l.Items = append(l.Items, it)
	}
	flushStray()
	if len(l.Items) == 0 {
		return nil
	}
	for _, it := range l.Items {
		for i := 1; i < len(it.Blocks); i++ {
			if needsBlankLine(it.Blocks[i-1], it.Blocks[i]) {
				l.Loose = true
			}
		}
	}
	return []Block{l}
}

// needsBlankLine reports whether Markdown must put a blank line between
// two blocks of a list item, which makes the list loose: an item that
// holds such a pair has no tight Markdown form, so it is loose here too
// (two paragraphs in a row; a paragraph after a quote, a table or a list
// whose last item has text, which it would continue; …). It is the rule
// render.Markdown follows (its needsBlank), and must stay so.
func needsBlankLine(prev, next Block) bool {
	switch prev := prev.(type) {
	case *Heading, *Code, *Rule:
		return false
	case *List:
		if _, ok := next.(*List); ok {
			return false
		}
		if last := len(prev.Items) - 1; last >= 0 && len(prev.Items[last].Blocks) == 0 && prev.Items[last].Task == nil {
			return false
		}
		return true
	case *Quote:
		switch next.(type) {
		case *Heading, *Code, *Rule, *Figure:
			return false
		}
	case *Paragraph:
		switch n := next.(type) {
		case *Heading, *Code, *Rule, *Quote, *Figure:
			return false
		case *List:
			return len(n.Items) == 0 || len(n.Items[0].Blocks) == 0 || n.Ordered && n.Start != 1
		}
	}
	return true
}

func (c *htmlConverter) code(n *hnode) Block {
	text := textContent(n)
	// A newline right after <pre> is not content (HTML drops it); one
	// after <pre><code> is.
	if len(n.kids) > 0 && n.kids[0].tag == "" {
		text = strings.TrimPrefix(text, "\n")
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	lang := codeLanguage(n.attr("class"))
	if lang == "" {
		lang = strings.TrimSpace(n.attr("data-lang"))
	}
	if lang == "" {
		for _, k := range n.kids {
			if k.tag == "code" {
				lang = codeLanguage(k.attr("class"))
				break
			}
			if !isBlankText(k) {
				break
			}
		}
	}
	return &Code{Language: lang, Text: text}
}

// codeLanguage reads a code language from a class attribute: language-x,
// lang-x, or SyntaxHighlighter's "brush: x;".
func codeLanguage(class string) string {
	if i := strings.Index(class, "brush:"); i >= 0 {
		f := strings.FieldsFunc(class[i+len("brush:"):], func(r rune) bool { return r == ';' || r == ' ' })
		if len(f) > 0 {
			return f[0]
		}
	}
	for _, f := range strings.Fields(class) {
		for _, p := range []string{"language-", "lang-"} {
			if strings.HasPrefix(f, p) && len(f) > len(p) {
				return f[len(p):]
			}
		}
	}
	return ""
}

// unwrapLinks replaces each link inside in with its text: a link inside a
// link (an <a> around an embed, say) has no Markdown form, since Markdown
// link text cannot hold a link.
func unwrapLinks(in []Inline) []Inline {
	nested := false
	for _, x := range in {
		switch x := x.(type) {
		case *Link:
			nested = true
		case *Emphasis:
			x.Text = unwrapLinks(x.Text)
		case *Strong:
			x.Text = unwrapLinks(x.Text)
		case *Strike:
			x.Text = unwrapLinks(x.Text)
		}
	}
	if !nested {
		return in
	}
	out := make([]Inline, 0, len(in))
	for _, x := range in {
		if l, ok := x.(*Link); ok {
			out = append(out, l.Text...)
			continue
		}
		out = append(out, x)
	}
	return out
}

package article

import (
	"bytes"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML is read with the x/net/html tokenizer into a small tree of our own
// rather than with html.Parse: the tokenizer tells where each token starts
// (the sum of the lengths of z.Raw() before it), which gives text its
// position in the file, and a tree of our own can flatten nesting beyond
// maxDepth instead of failing. The tree builder knows the implied end
// tags that matter for the typed blocks (p, li, dt/dd, table rows and
// cells, headings, nested a); elsewhere it follows the tags as written.
//
// The same builder reads the raw HTML in Markdown: goldmark's HTML blocks
// are fed to the tokenizer, and a paragraph, heading or cell holding
// inline raw HTML is fed as a stream of start tags, end tags and texts
// (the Markdown inlines becoming the equivalent elements), so both body
// formats share one HTML-to-blocks conversion.

// An hnode is an element, a text or a comment of the tree.
type hnode struct {
	tag   string // lower-case element name; "" for text; "#comment"
	attrs []html.Attribute
	text  string // text, or the comment as written
	off   int    // text: offset in the body of its first non-space byte; -1 if unknown
	// verbatim marks text that comes from Markdown, not from HTML: its
	// spaces are kept as Markdown keeps them, not collapsed.
	verbatim bool
	kids     []*hnode
	// hasBlock reports that a descendant is a block element.
	hasBlock bool
}

func (n *hnode) attr(key string) string {
	for _, a := range n.attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// keptAttrs are the only attributes read; everything else, event handlers
// included, is discarded while tokenizing.
var keptAttrs = map[string]bool{
	"href": true, "src": true, "alt": true, "title": true, "class": true,
	"align": true, "style": true, "start": true, "type": true, "checked": true,
	"data-src": true, "data-original": true, "data-actualsrc": true, "data-lang": true,
}

// skipped elements never reach the Article, nor does anything inside them.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"object": true, "applet": true, "svg": true, "math": true,
	"select": true, "button": true, "textarea": true, "option": true,
	"optgroup": true, "datalist": true, "head": true, "title": true,
	"noembed": true, "noframes": true, "frameset": true, "canvas": true,
	"dialog": true,
	// Void elements that are dropped.
	"input": true, "meta": true, "link": true, "base": true, "param": true,
	"track": true, "keygen": true, "area": true, "col": true, "frame": true,
}

// void elements have no end tag.
var void = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "keygen": true, "link": true,
	"meta": true, "param": true, "source": true, "track": true, "wbr": true,
	"frame": true, "image": true,
}

// blockTags are the elements that yield blocks; every other element is
// inline and yields its text (unknown elements are unwrapped).
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "xmp": true, "listing": true, "plaintext": true,
	"table": true, "caption": true, "thead": true, "tbody": true, "tfoot": true,
	"tr": true, "td": true, "th": true, "hr": true, "figure": true, "figcaption": true,
	"div": true, "section": true, "article": true, "center": true, "main": true,
	"header": true, "footer": true, "nav": true, "aside": true, "address": true,
	"details": true, "summary": true, "fieldset": true, "legend": true, "form": true,
	"hgroup": true, "menu": true, "html": true, "body": true, "search": true,
}

// scopeBoundary elements stop the search for an open element to close.
var scopeBoundary = map[string]bool{
	"table": true, "td": true, "th": true, "caption": true, "html": true,
}

// An offsetMap turns an offset in the buffer given to the tokenizer into
// an offset in the body.
type offsetMap func(int) int

func identityMap(base int) offsetMap { return func(o int) int { return o + base } }

// segmentMap maps a buffer made of the concatenated pieces of the body
// that start at srcStarts[i], and at bufStarts[i] in the buffer.
func segmentMap(bufStarts, srcStarts []int) offsetMap {
	return func(o int) int {
		i := sort.Search(len(bufStarts), func(i int) bool { return bufStarts[i] > o }) - 1
		if i < 0 {
			return -1
		}
		return srcStarts[i] + o - bufStarts[i]
	}
}

// An htmlBuilder builds the tree from tags and texts.
type htmlBuilder struct {
	lines   *lineIndex
	root    *hnode
	stack   []*hnode // open elements, root first
	open    map[string]int
	ignored map[string]int // start tags not opened, past maxDepth
	skipTag string         // the skipped element we are inside, if any
	skipN   int
	// nodes is a slab the tree's nodes are cut from: they all live
	// exactly as long as the builder.
	nodes []hnode
}

// node returns a new node from the slab.
func (b *htmlBuilder) node(n hnode) *hnode {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]hnode, 0, min(2*cap(b.nodes)+8, 256))
	}
	b.nodes = append(b.nodes, n)
	return &b.nodes[len(b.nodes)-1]
}

func newHTMLBuilder(lines *lineIndex) *htmlBuilder {
	root := &hnode{tag: "#root"}
	return &htmlBuilder{lines: lines, root: root, stack: []*hnode{root},
		open: map[string]int{}, ignored: map[string]int{}}
}

func (b *htmlBuilder) top() *hnode { return b.stack[len(b.stack)-1] }

func (b *htmlBuilder) appendNode(n *hnode) {
	t := b.top()
	if n.tag != "" && blockTags[n.tag] {
		t.hasBlock = true
	}
	t.kids = append(t.kids, n)
}

// popTo closes the open elements down to and including stack[i].
func (b *htmlBuilder) popTo(i int) {
	for j := len(b.stack) - 1; j >= i && j > 0; j-- {
		n := b.stack[j]
		b.open[n.tag]--
		if n.hasBlock {
			b.stack[j-1].hasBlock = true
		}
	}
	if i < 1 {
		i = 1
	}
	if i < len(b.stack) {
		b.stack = b.stack[:i]
	}
}

// find returns the index of the innermost open element named in names,
// searching no further than an element named in stop; -1 if none.
func (b *htmlBuilder) find(names, stop map[string]bool) int {
	for j := len(b.stack) - 1; j > 0; j-- {
		t := b.stack[j].tag
		if names[t] {
			return j
		}
		if stop[t] {
			return -1
		}
	}
	return -1
}

// findName is find for one name.
func (b *htmlBuilder) findName(name string, stop map[string]bool) int {
	for j := len(b.stack) - 1; j > 0; j-- {
		t := b.stack[j].tag
		if t == name {
			return j
		}
		if stop[t] {
			return -1
		}
	}
	return -1
}

var (
	setP       = map[string]bool{"p": true}
	setLi      = map[string]bool{"li": true}
	setDtDd    = map[string]bool{"dt": true, "dd": true}
	setTr      = map[string]bool{"tr": true}
	setCell    = map[string]bool{"td": true, "th": true}
	setSection = map[string]bool{"thead": true, "tbody": true, "tfoot": true}
	setA       = map[string]bool{"a": true}
	stopList   = map[string]bool{"ul": true, "ol": true, "table": true, "td": true, "th": true, "html": true}
	stopDl     = map[string]bool{"dl": true, "table": true, "td": true, "th": true, "html": true}
	stopTable  = map[string]bool{"table": true, "html": true}
	stopRow    = map[string]bool{"tr": true, "table": true, "html": true}
)

// closeImplied closes what a start tag named tag implicitly ends.
func (b *htmlBuilder) closeImplied(tag string) {
	closeIn := func(names, stop map[string]bool) {
		if i := b.find(names, stop); i > 0 {
			b.popTo(i)
		}
	}
	if blockTags[tag] && tag != "td" && tag != "th" && tag != "tr" && b.open["p"] > 0 {
		closeIn(setP, scopeBoundary)
	}
	switch tag {
	case "li":
		closeIn(setLi, stopList)
	case "dt", "dd":
		closeIn(setDtDd, stopDl)
	case "tr":
		closeIn(setTr, stopTable)
	case "td", "th":
		closeIn(setCell, stopRow)
	case "thead", "tbody", "tfoot":
		closeIn(setSection, stopTable)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if t := b.top().tag; len(t) == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6' {
			b.popTo(len(b.stack) - 1)
		}
	case "a":
		if b.open["a"] > 0 {
			closeIn(setA, scopeBoundary)
		}
	}
}

func (b *htmlBuilder) start(tag string, attrs []html.Attribute, selfClosing bool) {
	if b.skipTag != "" {
		foreign := b.skipTag == "svg" || b.skipTag == "math"
		if tag == b.skipTag && !void[tag] && !(foreign && selfClosing) {
			b.skipN++
		}
		return
	}
	if tag == "input" && strings.EqualFold(attrOf(attrs, "type"), "checkbox") {
		// Kept only to read a task-list item's box; dropped elsewhere.
		n := b.node(hnode{tag: "#checkbox"})
		if hasAttr(attrs, "checked") {
			n.text = "x"
		}
		b.appendNode(n)
		return
	}
	if skipped[tag] {
		// An empty node marks the place, so that texts on both sides
		// stay apart (see mdText).
		b.appendNode(b.node(hnode{tag: "#skipped"}))
		if !void[tag] && !((tag == "svg" || tag == "math") && selfClosing) {
			b.skipTag, b.skipN = tag, 1
		}
		return
	}
	b.closeImplied(tag)
	n := b.node(hnode{tag: tag, attrs: attrs})
	if void[tag] {
		b.appendNode(n)
		return
	}
	if len(b.stack) > maxDepth {
		b.ignored[tag]++
		return
	}
	b.appendNode(n)
	b.stack = append(b.stack, n)
	b.open[tag]++
}

func (b *htmlBuilder) end(tag string) {
	if b.skipTag != "" {
		if tag == b.skipTag {
			if b.skipN--; b.skipN == 0 {
				b.skipTag = ""
			}
		}
		return
	}
	if tag == "br" {
		b.start("br", nil, false)
		return
	}
	if b.ignored[tag] > 0 {
		b.ignored[tag]--
		return
	}
	if b.open[tag] == 0 {
		return
	}
	stop := scopeBoundary
	switch tag {
	case "table", "td", "th", "caption", "html":
		stop = nil
	case "tr", "thead", "tbody", "tfoot":
		stop = stopTable
	}
	if i := b.findName(tag, stop); i > 0 {
		b.popTo(i)
	}
}

// text adds text whose first non-space byte is at offset off of the body
// (-1 if unknown).
func (b *htmlBuilder) text(s string, off int) {
	if b.skipTag != "" || s == "" {
		return
	}
	b.appendNode(b.node(hnode{text: s, off: off}))
}

// mdText adds the text of a Markdown inline, whose spaces are kept.
func (b *htmlBuilder) mdText(s string, off int) {
	if b.skipTag != "" || s == "" {
		return
	}
	// goldmark splits text at escapes and delimiters; pieces that meet
	// are one text, so that only an element (or one dropped) between
	// two Markdown texts lets their spaces collapse.
	if t := b.top(); len(t.kids) > 0 {
		if last := t.kids[len(t.kids)-1]; last.tag == "" && last.verbatim {
			last.text += s
			return
		}
	}
	b.appendNode(b.node(hnode{text: s, off: off, verbatim: true}))
}

func (b *htmlBuilder) comment(raw string) {
	if b.skipTag != "" {
		return
	}
	b.appendNode(b.node(hnode{tag: "#comment", text: raw}))
}

// feedHTML tokenizes buf, whose offsets m maps to the body.
func (b *htmlBuilder) feedHTML(buf []byte, m offsetMap) {
	b.feedHTMLString(buf, "", m)
}

// feedHTMLString is feedHTML given, in str, buf as a string, or "" to
// make one when it is needed.
func (b *htmlBuilder) feedHTMLString(buf []byte, str string, m offsetMap) {
	z := html.NewTokenizer(bytes.NewReader(buf))
	off := 0
	// Texts that need no decoding are substrings of str.
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			var s string
			if isPlainText(raw) {
				if str == "" {
					str = string(buf)
				}
				s = str[start:off]
			} else {
				s = string(z.Text())
			}
			b.text(s, m(start+leadingSpaces(raw)))
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			if isShortcode(buf, start, off) {
				if tt != html.EndTagToken {
					z.NextIsNotRawText()
				}
				b.text(string(raw), m(start))
				continue
			}
			name, more := z.TagName()
			tag := internName(name)
			if tt == html.EndTagToken {
				b.end(tag)
				continue
			}
			var attrs []html.Attribute
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if keptAttrs[string(k)] {
					attrs = append(attrs, html.Attribute{Key: internName(k), Val: string(v)})
				}
			}
			b.start(tag, attrs, tt == html.SelfClosingTagToken)
		case html.CommentToken:
			b.comment(string(raw))
		}
	}
}

// isShortcode reports whether buf[start:end] is a tag written inside a
// Hugo shortcode, {{<figure src=x>}}, which is text and not HTML.
func isShortcode(buf []byte, start, end int) bool {
	return start >= 2 && string(buf[start-2:start]) == "{{" &&
		end+2 <= len(buf) && string(buf[end:end+2]) == "}}"
}

func leadingSpaces(b []byte) int {
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return 0
	}
	return i
}

func attrOf(attrs []html.Attribute, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(attrs []html.Attribute, key string) bool {
	for _, a := range attrs {
		if a.Key == key {
			return true
		}
	}
	return false
}

// isPlainText reports whether the tokenizer's text for raw text is raw
// itself: no entity to decode, no carriage return or NUL to replace.
func isPlainText(raw []byte) bool {
	return bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, 0) < 0
}

// internName returns a lower-case tag or attribute name as a string,
// without an allocation for the names HTML knows.
func internName(name []byte) string {
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

// blocks closes the tree and converts it.
func (b *htmlBuilder) blocks() []Block {
	b.popTo(1)
	c := &htmlConverter{lines: b.lines}
	return c.blocks(b.root.kids, 0)
}

// inlines closes the tree and converts it for a place that holds only
// text: a heading or a table cell.
func (b *htmlBuilder) inlines() []Inline {
	b.popTo(1)
	c := &htmlConverter{lines: b.lines}
	return c.textOf(b.root)
}

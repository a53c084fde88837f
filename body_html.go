package article

import (
	"strings"

	"golang.org/x/net/html"
)

// HTML is read with the x/net/html tokenizer's rules into a small tree of
// our own rather than with html.Parse: a token's start (the sum of the
// lengths of the tokens before it) gives text its position in the file,
// and a tree of our own can flatten nesting beyond maxDepth instead of
// failing. The usual tokens are split in place (body_html_scan.go), the
// rest by the tokenizer itself (body_html_feed.go). The tree builder knows the implied end
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
	// marks records where text resumes in the body after what the text
	// holds at another length than the source (entities) or on another
	// line, so that an offset into text maps back to the body.
	marks []textMark
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

// isKeptAttr reports whether an attribute is one of the only ones read;
// everything else, event handlers included, is discarded while
// tokenizing.
func isKeptAttr(key []byte) bool {
	switch string(key) {
	case "href", "src", "alt", "title", "class", "align", "style", "start",
		"type", "checked", "data-src", "data-original", "data-actualsrc",
		"data-lang":
		return true
	}
	return false
}

// isSkipped reports whether tag names an element that never reaches the
// Article, nor does anything inside it (some void elements among them).
func isSkipped(tag string) bool {
	switch tag {
	case "script", "style", "noscript", "template", "object", "applet", "svg",
		"math", "select", "button", "textarea", "option", "optgroup", "datalist",
		"head", "title", "noembed", "noframes", "frameset", "canvas", "dialog",
		"input", "meta", "link", "base", "param", "track", "keygen", "area",
		"col", "frame":
		return true
	}
	return false
}

// isVoid reports whether tag names an element without an end tag.
func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
		"link", "meta", "param", "source", "track", "wbr", "frame", "image":
		return true
	}
	return false
}

// isBlockTag reports whether tag names an element that yields blocks;
// every other element is inline and yields its text (unknown elements
// are unwrapped).
func isBlockTag(tag string) bool {
	switch tag {
	case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
		"dt", "dd", "blockquote", "pre", "xmp", "listing", "plaintext", "table",
		"caption", "thead", "tbody", "tfoot", "tr", "td", "th", "hr", "figure",
		"figcaption", "div", "section", "article", "center", "main", "header",
		"footer", "nav", "aside", "address", "details", "summary", "fieldset",
		"legend", "form", "hgroup", "menu", "html", "body", "search":
		return true
	}
	return false
}

// isScopeBoundary reports whether tag names an element that stops the
// search for an open element to close.
func isScopeBoundary(tag string) bool {
	switch tag {
	case "table", "td", "th", "caption", "html":
		return true
	}
	return false
}

// An htmlBuilder builds the tree from tags and texts.
type htmlBuilder struct {
	lines *lineIndex
	root  *hnode
	stack []*hnode // open elements, root first
	// open counts the open elements by a hash of their names: a zero
	// count proves no element of that name is open, which spares a
	// search of the stack.
	open    [64]int32
	ignored map[string]int // start tags not opened, past maxDepth
	skipTag string         // the skipped element we are inside, if any
	skipN   int
	// nodes is the slab the tree's nodes are cut from, and kids the
	// one their kids are (see body_html_slab.go).
	nodes slab[hnode]
	kids  slab[*hnode]
	// An element gets all its children while it is open, so they wait
	// in pending, after those of the elements around it (from
	// kidStart[i] for stack[i]), until it closes and they are copied
	// into its kids: one slice per element, of the right size, where
	// growing each would allocate several.
	pending  []*hnode
	kidStart []int
}

func (b *htmlBuilder) top() *hnode { return b.stack[len(b.stack)-1] }

func (b *htmlBuilder) appendNode(n *hnode) {
	if n.tag != "" && isBlockTag(n.tag) {
		b.top().hasBlock = true
	}
	b.pending = append(b.pending, n)
}

// lastKid returns the last child of the innermost open element, or nil.
func (b *htmlBuilder) lastKid() *hnode {
	if len(b.pending) > b.kidStart[len(b.kidStart)-1] {
		return b.pending[len(b.pending)-1]
	}
	return nil
}

// closeKids gives stack[i], which closes, its children.
func (b *htmlBuilder) closeKids(i int) {
	start := b.kidStart[i]
	kids := b.pending[start:]
	b.pending = b.pending[:start]
	if len(kids) > 0 {
		b.stack[i].kids = b.kids.take(len(kids))
		copy(b.stack[i].kids, kids)
	}
}

// openSlot is the slot of open that counts elements named tag.
func openSlot(tag string) int {
	if tag == "" {
		return 0
	}
	return (len(tag)*31 + int(tag[0])*7 + int(tag[len(tag)-1])) & 63
}

// isOpen reports whether an element named tag is open.
func (b *htmlBuilder) isOpen(tag string) bool {
	return b.open[openSlot(tag)] > 0 && b.findName(tag, nil) > 0
}

// popTo closes the open elements down to and including stack[i].
func (b *htmlBuilder) popTo(i int) {
	for j := len(b.stack) - 1; j >= i && j > 0; j-- {
		n := b.stack[j]
		b.closeKids(j)
		b.open[openSlot(n.tag)]--
		if n.hasBlock {
			b.stack[j-1].hasBlock = true
		}
	}
	if i < 1 {
		i = 1
	}
	if i < len(b.stack) {
		b.stack = b.stack[:i]
		b.kidStart = b.kidStart[:i]
	}
}

// find returns the index of the innermost open element named in names,
// searching no further than an element named in stop; -1 if none.
func (b *htmlBuilder) find(names, stop func(string) bool) int {
	for j := len(b.stack) - 1; j > 0; j-- {
		t := b.stack[j].tag
		if names(t) {
			return j
		}
		if stop != nil && stop(t) {
			return -1
		}
	}
	return -1
}

// findName is find for one name.
func (b *htmlBuilder) findName(name string, stop func(string) bool) int {
	for j := len(b.stack) - 1; j > 0; j-- {
		t := b.stack[j].tag
		if t == name {
			return j
		}
		if stop != nil && stop(t) {
			return -1
		}
	}
	return -1
}

// Sets of element names for find.
func isDtDd(t string) bool    { return t == "dt" || t == "dd" }
func isCell(t string) bool    { return t == "td" || t == "th" }
func isSection(t string) bool { return t == "thead" || t == "tbody" || t == "tfoot" }
func stopsList(t string) bool {
	return t == "ul" || t == "ol" || t == "table" || t == "td" || t == "th" || t == "html"
}
func stopsDl(t string) bool {
	return t == "dl" || t == "table" || t == "td" || t == "th" || t == "html"
}
func stopsTable(t string) bool { return t == "table" || t == "html" }
func stopsRow(t string) bool   { return t == "tr" || t == "table" || t == "html" }

// closeImplied closes what a start tag named tag implicitly ends.
func (b *htmlBuilder) closeImplied(tag string) {
	closeName := func(name string, stop func(string) bool) {
		if i := b.findName(name, stop); i > 0 {
			b.popTo(i)
		}
	}
	if isBlockTag(tag) && tag != "td" && tag != "th" && tag != "tr" && b.isOpen("p") {
		closeName("p", isScopeBoundary)
	}
	switch tag {
	case "li":
		closeName("li", stopsList)
	case "dt", "dd":
		if i := b.find(isDtDd, stopsDl); i > 0 {
			b.popTo(i)
		}
	case "tr":
		closeName("tr", stopsTable)
	case "td", "th":
		if i := b.find(isCell, stopsRow); i > 0 {
			b.popTo(i)
		}
	case "thead", "tbody", "tfoot":
		if i := b.find(isSection, stopsTable); i > 0 {
			b.popTo(i)
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if t := b.top().tag; len(t) == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6' {
			b.popTo(len(b.stack) - 1)
		}
	case "a":
		if b.isOpen("a") {
			closeName("a", isScopeBoundary)
		}
	}
}

func (b *htmlBuilder) start(tag string, attrs []html.Attribute, selfClosing bool) {
	if b.skipTag != "" {
		foreign := b.skipTag == "svg" || b.skipTag == "math"
		if tag == b.skipTag && !isVoid(tag) && !(foreign && selfClosing) {
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
	if isSkipped(tag) {
		// An empty node marks the place, so that texts on both sides
		// stay apart (see mdText).
		b.appendNode(b.node(hnode{tag: "#skipped"}))
		if !isVoid(tag) && !((tag == "svg" || tag == "math") && selfClosing) {
			b.skipTag, b.skipN = tag, 1
		}
		return
	}
	b.closeImplied(tag)
	n := b.node(hnode{tag: tag, attrs: attrs})
	if isVoid(tag) {
		b.appendNode(n)
		return
	}
	if len(b.stack) > maxDepth {
		if b.ignored == nil {
			b.ignored = map[string]int{}
		}
		b.ignored[tag]++
		return
	}
	b.appendNode(n)
	b.stack = append(b.stack, n)
	b.kidStart = append(b.kidStart, len(b.pending))
	b.open[openSlot(tag)]++
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
	if b.ignored[tag] > 0 { // (a nil map reads as empty)
		b.ignored[tag]--
		return
	}
	if b.open[openSlot(tag)] == 0 {
		return // not open: findName below would search the stack for nothing
	}
	stop := isScopeBoundary
	switch tag {
	case "table", "td", "th", "caption", "html":
		stop = nil
	case "tr", "thead", "tbody", "tfoot":
		stop = stopsTable
	}
	if i := b.findName(tag, stop); i > 0 {
		b.popTo(i)
	}
}

// text adds text whose first non-space byte is at offset off of the body
// (-1 if unknown).
func (b *htmlBuilder) text(s string, off int) {
	b.markedText(s, off, nil)
}

// markedText is text with the marks that map it to the body.
func (b *htmlBuilder) markedText(s string, off int, marks []textMark) {
	if b.skipTag != "" || s == "" {
		return
	}
	b.appendNode(b.node(hnode{text: s, off: off, marks: marks}))
}

// mdText adds the text of a Markdown inline, whose spaces are kept: off
// is the body offset of its first non-space byte (-1 if unknown), lead
// that byte's offset in s, and marks map s past escapes and entities.
func (b *htmlBuilder) mdText(s string, off, lead int, marks []textMark) {
	if b.skipTag != "" || s == "" {
		return
	}
	// goldmark splits text at escapes and delimiters; pieces that meet
	// are one text, so that only an element (or one dropped) between
	// two Markdown texts lets their spaces collapse.
	if last := b.lastKid(); last != nil {
		if last.tag == "" && last.verbatim {
			if off >= 0 {
				last.marks = append(last.marks, textMark{len(last.text) + lead, off})
			}
			for _, m := range marks {
				last.marks = append(last.marks, textMark{len(last.text) + m.off, m.src})
			}
			last.text += s
			return
		}
	}
	b.appendNode(b.node(hnode{text: s, off: off, verbatim: true, marks: marks}))
}

func (b *htmlBuilder) comment(raw string) {
	if b.skipTag != "" {
		return
	}
	b.appendNode(b.node(hnode{tag: "#comment", text: raw}))
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

// close closes every element; the tree is then complete.
func (b *htmlBuilder) close() {
	b.popTo(1)
	b.closeKids(0)
}

// blocks closes the tree and converts it; b is not used after.
func (b *htmlBuilder) blocks() []Block {
	b.close()
	c := &htmlConverter{lines: b.lines}
	out := c.blocks(b.root.kids, 0)
	b.release()
	return out
}

// inlines closes the tree and converts it for a place that holds only
// text: a heading or a table cell; b is not used after.
func (b *htmlBuilder) inlines() []Inline {
	b.close()
	c := &htmlConverter{lines: b.lines}
	out := c.textOf(b.root)
	b.release()
	return out
}

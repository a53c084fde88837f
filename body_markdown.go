package article

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// An mdConverter walks goldmark's AST into blocks.
type mdConverter struct {
	src []byte
	// str is src as a string, made on first use, of which texts are
	// substrings.
	str   string
	lines *lineIndex
	// fnLabels maps a footnote's index to its label.
	fnLabels map[int]string
	// texts is a slab the converter's Texts are cut from: one allocation
	// for many small objects that live exactly as long as the Article.
	texts []Text
}

// newText returns a new Text from the slab.
func (c *mdConverter) newText(s string, pos Pos, lines []textLine) *Text {
	if len(c.texts) == cap(c.texts) {
		c.texts = make([]Text, 0, min(2*cap(c.texts)+8, 128))
	}
	c.texts = append(c.texts, Text{Text: s, Pos: pos, lines: lines})
	return &c.texts[len(c.texts)-1]
}

func (c *mdConverter) convert() []Block {
	doc := parseGoldmark(c.src)
	c.fnLabels = map[int]string{}
	var footnotes []Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				if f, ok := f.(*east.Footnote); ok {
					c.fnLabels[f.Index] = string(f.Ref)
				}
			}
		}
	}
	var out []Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				if f, ok := f.(*east.Footnote); ok {
					footnotes = append(footnotes, &Footnote{Label: string(f.Ref), Blocks: c.blocks(f, 1)})
				}
			}
			continue
		}
		if bs, next, ok := c.figureRun(n); ok {
			out = append(out, bs...)
			n = prevOf(next, doc)
			continue
		}
		out = c.appendBlock(out, n, 0)
	}
	return append(out, footnotes...)
}

func (c *mdConverter) blocks(parent ast.Node, depth int) []Block {
	return c.appendBlocks(nil, parent, depth)
}

// appendBlocks appends the blocks of parent's children to out.
func (c *mdConverter) appendBlocks(out []Block, parent ast.Node, depth int) []Block {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if bs, next, ok := c.figureRun(n); ok {
			out = append(out, bs...)
			n = prevOf(next, parent)
			continue
		}
		out = c.appendBlock(out, n, depth)
	}
	return out
}

// prevOf returns the sibling before next (the last child of parent when
// next is nil), so that a loop's n = n.NextSibling() lands on next.
func prevOf(next, parent ast.Node) ast.Node {
	if next == nil {
		return parent.LastChild()
	}
	return next.PreviousSibling()
}

// appendBlock appends the blocks n converts to.
func (c *mdConverter) appendBlock(out []Block, n ast.Node, depth int) []Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if b := c.liquidBlock(n); b != nil {
			return append(out, b)
		}
		if c.hasRawHTML(n) {
			b := c.feedInlines(n)
			return append(out, b.blocks()...)
		}
		if p := paragraphOf(c.inlines(n, depth), false); p != nil {
			return append(out, p)
		}
		return out
	case *ast.Heading:
		var in []Inline
		if c.hasRawHTML(n) {
			in = c.feedInlines(n).inlines()
		} else {
			in = finishInlines(c.inlines(n, depth), false)
		}
		return append(out, &Heading{Level: n.Level, Text: in})
	case *ast.ThematicBreak:
		return append(out, &Rule{})
	case *ast.CodeBlock:
		return append(out, &Code{Text: c.linesText(n.Lines())})
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = unescapeMarkdown(n.Language(c.src))
		}
		return append(out, &Code{Language: lang, Text: c.linesText(n.Lines())})
	case *ast.Blockquote:
		if depth >= maxDepth {
			return c.appendBlocks(out, n, depth)
		}
		return append(out, &Quote{Blocks: c.blocks(n, depth+1)})
	case *ast.List:
		if depth >= maxDepth {
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				out = c.appendBlocks(out, it, depth)
			}
			return out
		}
		l := &List{Ordered: n.IsOrdered(), Loose: !n.IsTight}
		if l.Ordered {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			item := &ListItem{Task: taskOf(it), Blocks: c.blocks(it, depth+1)}
			// Raw HTML in a tight item can split it into blocks that
			// Markdown cannot write without a blank line between them.
			for i := 1; i < len(item.Blocks); i++ {
				if needsBlankLine(item.Blocks[i-1], item.Blocks[i]) {
					l.Loose = true
				}
			}
			l.Items = append(l.Items, item)
		}
		return append(out, l)
	case *ast.HTMLBlock:
		return append(out, c.htmlBlock(n)...)
	case *east.Table:
		return append(out, c.table(n))
	}
	return c.appendBlocks(out, n, depth)
}

// taskOf returns the state of a GFM task-list item's box, or nil.
func taskOf(item ast.Node) *bool {
	first := item.FirstChild()
	if first == nil {
		return nil
	}
	if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
		checked := box.IsChecked
		return &checked
	}
	return nil
}

// linesText is the text of a code block: its lines, ending in a newline.
func (c *mdConverter) linesText(lines *text.Segments) string {
	var b bytes.Buffer
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteByte('\n')
	}
	return b.String()
}

func (c *mdConverter) table(n *east.Table) Block {
	t := &Table{}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, mdAlign(a))
	}
	cells := func(row ast.Node) []Cell {
		var out []Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			var in []Inline
			if c.hasRawHTML(cell) {
				in = c.feedInlines(cell).inlines()
			} else {
				in = finishInlines(c.inlines(cell, 0), false)
			}
			out = append(out, Cell{Text: in})
		}
		for len(out) < len(t.Align) {
			out = append(out, Cell{})
		}
		return out
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		switch row.(type) {
		case *east.TableHeader:
			t.Header = cells(row)
		case *east.TableRow:
			t.Rows = append(t.Rows, cells(row))
		}
	}
	return t
}

func mdAlign(a east.Alignment) Align {
	switch a {
	case east.AlignLeft:
		return AlignLeft
	case east.AlignCenter:
		return AlignCenter
	case east.AlignRight:
		return AlignRight
	}
	return AlignNone
}

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
	for next != nil && b.open["figure"] > 0 && c.feedBlock(b, next) {
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
	case *ast.Paragraph, *ast.TextBlock:
		b.start("p", nil, false)
		c.feed(b, n, 0)
		b.end("p")
	case *ast.Heading:
		tag := "h" + strconv.Itoa(min(max(n.Level, 1), 6))
		b.start(tag, nil, false)
		c.feed(b, n, 0)
		b.end(tag)
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

func (c *mdConverter) feedCode(b *htmlBuilder, lines *text.Segments, attrs []html.Attribute) {
	b.start("pre", nil, false)
	b.start("code", attrs, false)
	b.mdText(c.linesText(lines), -1)
	b.end("code")
	b.end("pre")
}

// feedHTMLBlock feeds a goldmark HTML block to b, keeping positions by
// mapping the concatenated lines back to the body.
func (c *mdConverter) feedHTMLBlock(b *htmlBuilder, n *ast.HTMLBlock) {
	if start, stop, ok := c.contiguous(n); ok {
		// The common case: whole lines that follow each other in the
		// body, read in place.
		if c.str == "" {
			c.str = string(c.src)
		}
		b.feedHTMLString(c.src[start:stop], c.str[start:stop], identityMap(start))
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

// textPos returns the offset of the first non-space byte of seg.
func textPos(src []byte, seg text.Segment) int {
	i := seg.Start
	for i < seg.Stop && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i == seg.Stop {
		return seg.Start
	}
	return i
}

// inlines converts the inlines of a pure Markdown block.
func (c *mdConverter) inlines(parent ast.Node, depth int) []Inline {
	return c.appendInlines(nil, parent, depth)
}

// appendInlines appends the inlines of parent's children to out.
func (c *mdConverter) appendInlines(out []Inline, parent ast.Node, depth int) []Inline {
	for n := parent.FirstChild(); n != nil; {
		if t, ok := n.(*ast.Text); ok {
			out, n = c.appendTextRun(out, t)
			continue
		}
		out = c.appendInline(out, n, depth)
		n = n.NextSibling()
	}
	return out
}

// appendInline appends the inlines n converts to.
func (c *mdConverter) appendInline(out []Inline, n ast.Node, depth int) []Inline {
	if depth > maxDepth {
		switch n.(type) {
		case *ast.Emphasis, *east.Strikethrough, *ast.Link:
			return c.appendInlines(out, n, depth)
		}
	}
	switch n := n.(type) {
	case *ast.Text:
		s := c.segmentText(n.Segment, n.IsRaw())
		out = append(out, &Text{Text: breaksOf(s), Pos: c.lines.pos(textPos(c.src, n.Segment))})
		if n.HardLineBreak() {
			out = append(out, &LineBreak{})
		} else if n.SoftLineBreak() {
			out = append(out, &Text{Text: breakMark})
		}
		return out
	case *ast.String:
		var s string
		if !n.IsRaw() && !n.IsCode() {
			s = unescapeMarkdown(n.Value)
		} else {
			s = string(n.Value)
		}
		return append(out, &Text{Text: breaksOf(s)})
	case *ast.CodeSpan:
		return append(out, &CodeSpan{Text: c.codeSpanText(n)})
	case *ast.Emphasis:
		if n.Level >= 2 {
			return append(out, &Strong{Text: c.inlines(n, depth+1)})
		}
		return append(out, &Emphasis{Text: c.inlines(n, depth+1)})
	case *east.Strikethrough:
		return append(out, &Strike{Text: c.inlines(n, depth+1)})
	case *ast.Link:
		href, ok := cleanURL(unescapeMarkdown(n.Destination), false)
		if !ok {
			return c.appendInlines(out, n, depth+1)
		}
		return append(out, &Link{Href: href, Title: cleanAttrText(unescapeMarkdown(n.Title)), Text: c.inlines(n, depth+1)})
	case *ast.Image:
		alt := cleanAttrText(c.plainText(n))
		src, ok := cleanURL(unescapeMarkdown(n.Destination), true)
		if !ok || src == "" {
			if alt == "" {
				return out
			}
			return append(out, &Text{Text: alt})
		}
		return append(out, &Image{Src: src, Alt: alt, Title: cleanAttrText(unescapeMarkdown(n.Title))})
	case *ast.AutoLink:
		url := string(n.URL(c.src))
		label := string(n.Label(c.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower([]byte(url)), []byte("mailto:")) {
			url = "mailto:" + url
		}
		t := &Text{Text: label, Pos: c.lines.pos(c.autoLinkPos(n))}
		href, ok := cleanURL(url, false)
		if !ok {
			return append(out, t)
		}
		return append(out, &Link{Href: href, Text: []Inline{t}})
	case *ast.RawHTML:
		// Only a shortcode's tag reaches here (see hasRawHTML).
		return append(out, &Text{Text: breaksOf(c.rawText(n))})
	case *east.FootnoteLink:
		return append(out, &FootnoteRef{Label: c.fnLabel(n.Index)})
	case *east.FootnoteBacklink, *east.TaskCheckBox:
		return out
	}
	return c.appendInlines(out, n, depth+1)
}

// segmentText returns the text of a text segment, with escapes and
// entities resolved unless raw. Text that needs neither is a substring of
// the body, not a copy.
func (c *mdConverter) segmentText(seg text.Segment, raw bool) string {
	if seg.Padding > 0 {
		v := seg.Value(c.src)
		if raw {
			return string(v)
		}
		return unescapeMarkdown(v)
	}
	if v := c.src[seg.Start:seg.Stop]; !raw && needsUnescape(v) {
		return unescapeMarkdown(v)
	}
	if c.str == "" {
		c.str = string(c.src)
	}
	return c.str[seg.Start:seg.Stop]
}

func (c *mdConverter) fnLabel(index int) string {
	if l, ok := c.fnLabels[index]; ok {
		return l
	}
	return strconv.Itoa(index)
}

// autoLinkPos returns the offset of an autolink's label. goldmark keeps
// the label's segment private, but Label returns a slice of the source.
func (c *mdConverter) autoLinkPos(n *ast.AutoLink) int {
	label := n.Label(c.src)
	off := cap(c.src) - cap(label)
	if len(label) == 0 || off < 0 || off+len(label) > len(c.src) || &c.src[off] != &label[0] {
		return -1
	}
	return off
}

// codeSpanText is a code span's content, line endings as spaces, as
// CommonMark says.
func (c *mdConverter) codeSpanText(n ast.Node) string {
	var b bytes.Buffer
	for x := n.FirstChild(); x != nil; x = x.NextSibling() {
		switch x := x.(type) {
		case *ast.Text:
			v := x.Segment.Value(c.src)
			if bytes.HasSuffix(v, []byte("\n")) {
				v = append(v[:len(v)-1:len(v)-1], ' ')
			}
			b.Write(v)
		case *ast.String:
			b.Write(x.Value)
		}
	}
	return string(bytes.ReplaceAll(b.Bytes(), []byte("\n"), []byte(" ")))
}

// plainText is the text of an image's description, as alt text.
func (c *mdConverter) plainText(n ast.Node) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(x ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := x.(type) {
		case *ast.Text:
			b.WriteString(unescapeMarkdown(x.Segment.Value(c.src)))
			if x.SoftLineBreak() || x.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(x.Value)
		case *ast.CodeSpan:
			b.WriteString(c.codeSpanText(x))
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(x.Label(c.src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// breaksOf turns newlines and carriage returns (which an entity such as
// &#10; can put into text) into breakMark.
func breaksOf(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\r", breakMark)
}

// unescapeMarkdown resolves backslash escapes and entity references in
// one pass, as goldmark's HTML writer does.
func unescapeMarkdown(v []byte) string {
	if !needsUnescape(v) {
		return string(v)
	}
	var b bytes.Buffer
	for i := 0; i < len(v); {
		ch := v[i]
		switch {
		case ch == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i += 2
			continue
		case ch == 0:
			b.WriteRune(utf8.RuneError)
			i++
			continue
		case ch == '&':
			if r, n := entityAt(v[i:]); n > 0 {
				b.WriteString(r)
				i += n
				continue
			}
		}
		b.WriteByte(ch)
		i++
	}
	return b.String()
}

// needsUnescape reports whether unescapeMarkdown would change v.
func needsUnescape(v []byte) bool {
	return bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, 0) >= 0
}

// entityAt decodes a CommonMark entity reference at the start of v
// (&name;, &#123;, &#x1F;), returning its text and length, or 0.
func entityAt(v []byte) (string, int) {
	end := bytes.IndexByte(v, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	body := v[1:end]
	if body[0] == '#' {
		digits, base := body[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for _, ch := range body {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(string(body)); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
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
		b.mdText(breaksOf(c.segmentText(n.Segment, n.IsRaw())), textPos(c.src, n.Segment))
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
		b.mdText(breaksOf(s), -1)
	case *ast.CodeSpan:
		b.start("code", nil, false)
		b.mdText(c.codeSpanText(n), -1)
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
		b.appendNode(&hnode{tag: "#fnref", text: c.fnLabel(n.Index)})
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

// tagName returns name in lower case, without allocating for the tags
// usual in Markdown.
func tagName(name []byte) string {
	var lower [16]byte
	if len(name) > len(lower) {
		return strings.ToLower(string(name))
	}
	for i, c := range name {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch s := lower[:len(name)]; string(s) {
	case "br":
		return "br"
	case "em":
		return "em"
	case "strong":
		return "strong"
	case "sup":
		return "sup"
	case "sub":
		return "sub"
	case "kbd":
		return "kbd"
	case "span":
		return "span"
	case "u":
		return "u"
	case "b":
		return "b"
	case "i":
		return "i"
	case "del":
		return "del"
	case "mark":
		return "mark"
	default:
		return string(s)
	}
}

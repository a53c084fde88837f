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
)

// posOffset returns the offset in s of the byte a Text's Pos names: the
// first that is not a space or tab, or 0 when all are (see textPos).
func posOffset(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return i
		}
	}
	return 0
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
		return appendLink(out, n.Destination, n.Title, c.inlines(n, depth+1))
	case *ast.Image:
		return appendImage(out, n.Destination, n.Title, c.plainText(n))
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

// appendLink appends a link to dest, with title, around in; or in alone
// where dest is not a URL an article keeps (see cleanURL). dest and title
// are as Markdown wrote them.
func appendLink(out []Inline, dest, title []byte, in []Inline) []Inline {
	href, ok := cleanURL(unescapeMarkdown(dest), false)
	if !ok {
		return append(out, in...)
	}
	return append(out, &Link{Href: href, Title: cleanAttrText(unescapeMarkdown(title)), Text: in})
}

// appendImage appends an image of dest with title and the alt text alt;
// or alt alone, as text, where dest is not a source an article keeps.
func appendImage(out []Inline, dest, title []byte, alt string) []Inline {
	alt = cleanAttrText(alt)
	src, ok := cleanURL(unescapeMarkdown(dest), true)
	if !ok || src == "" {
		if alt == "" {
			return out
		}
		return append(out, &Text{Text: alt})
	}
	return append(out, &Image{Src: src, Alt: alt, Title: cleanAttrText(unescapeMarkdown(title))})
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
	return c.source()[seg.Start:seg.Stop]
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
	if t, ok := n.FirstChild().(*ast.Text); ok && t.NextSibling() == nil && t.Segment.Padding == 0 {
		// One piece on one line, the common case: a substring.
		if v := t.Segment.Value(c.src); bytes.IndexByte(v, '\n') < 0 {
			return c.source()[t.Segment.Start:t.Segment.Stop]
		}
	}
	var b []byte
	for x := n.FirstChild(); x != nil; x = x.NextSibling() {
		switch x := x.(type) {
		case *ast.Text:
			b = append(b, x.Segment.Value(c.src)...)
		case *ast.String:
			b = append(b, x.Value...)
		}
	}
	for i, ch := range b {
		if ch == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
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
		dec, n := unescapeAt(v, i)
		if n == 0 {
			b.WriteByte(v[i])
			i++
			continue
		}
		b.WriteString(dec)
		i += n
	}
	return b.String()
}

// unescapeAt returns what the escape, entity or NUL at v[i] stands for
// and its length in v, or n == 0 when v[i] is itself.
func unescapeAt(v []byte, i int) (dec string, n int) {
	switch ch := v[i]; {
	case ch == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
		return string(v[i+1 : i+2]), 2
	case ch == 0:
		return string(utf8.RuneError), 1
	case ch == '&':
		return entityAt(v[i:])
	}
	return "", 0
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

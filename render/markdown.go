package render

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/articlekit/article"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Markdown writes a as Markdown: its front matter in the format it was
// read in, then its body as CommonMark with the GitHub extensions
// (tables, strikethrough, task lists, footnotes). The output ends in
// exactly one newline, and the same article always gives the same bytes.
//
// [article.Parse] reads the output back into an article equal to a (see
// [article.Article.Equal]) for articles in the form Parse produces; the
// package documentation lists the rules and the few constructs that have
// no exact Markdown form.
func Markdown(w io.Writer, a *article.Article) error {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	defer func() {
		if b.Cap() <= 1<<20 {
			bufPool.Put(b)
		}
	}()
	if err := writeFrontMatter(b, &a.FrontMatter); err != nil {
		return err
	}
	lines := renderBlocks(bodyWithProvenance(a), false)
	size := len(lines) - 1 // the body is the lines joined by newlines
	for _, l := range lines {
		size += len(l)
	}
	if size > 0 {
		b.Grow(size + 2)
		if b.Len() > 0 {
			b.WriteByte('\n')
		} else if looksLikeJSONFrontMatter(lines[0]) {
			// A first line such as "{" or {"a" would be read as JSON
			// front matter; an escaped brace is the same text.
			b.WriteByte('\\')
		}
		for i, l := range lines {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
		}
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		b.WriteByte('\n')
	}
	_, err := w.Write(b.Bytes())
	return err
}

// bodyWithProvenance returns the body with the credit line, the link to
// the original story and the navigation line put back at its end, where
// Parse finds and moves them again.
func bodyWithProvenance(a *article.Article) []article.Block {
	if a.Credit == "" && a.SourceURL == "" && len(a.Nav) == 0 {
		return a.Body
	}
	body := append([]article.Block(nil), a.Body...)
	if a.Credit != "" {
		body = append(body, &article.Paragraph{Text: []article.Inline{&article.Text{Text: a.Credit}}})
	}
	if a.SourceURL != "" {
		link := &article.Link{Href: a.SourceURL, Text: []article.Inline{&article.Text{Text: a.SourceURL}}}
		body = append(body, &article.Paragraph{Text: []article.Inline{link}})
	}
	if len(a.Nav) > 0 {
		var text []article.Inline
		for i, n := range a.Nav {
			if i > 0 {
				text = append(text, &article.Text{Text: " | "})
			}
			text = append(text, &article.Link{Href: n.Href, Text: []article.Inline{&article.Text{Text: n.Text}}})
		}
		body = append(body, &article.Paragraph{Text: text})
	}
	return body
}

// renderBlocks renders a sequence of blocks as lines, without line
// endings. Blocks are separated by a blank line, except in a tight list
// item, where a blank line would make the list loose: there a block
// follows the previous one directly when it can (see needsBlank).
func renderBlocks(blocks []article.Block, tight bool) []string {
	var lines []string
	var prev article.Block
	bullet := 0 // alternates the marker of adjacent lists so they stay apart
	for i, blk := range blocks {
		if i > 0 && (!tight || needsBlank(prev, blk)) && !endsInEmptyItem(prev) {
			lines = append(lines, "")
		}
		if l, ok := blk.(*article.List); ok {
			if pl, ok := prev.(*article.List); ok && pl.Ordered == l.Ordered {
				bullet ^= 1
			} else {
				bullet = 0
			}
		}
		if f, ok := blk.(*article.Figure); ok && !tight {
			lines = append(lines, figureLines(f)...)
		} else if p, ok := blk.(*article.Paragraph); ok {
			lines = appendLines(lines, renderInlines(p.Text, ctxPara))
		} else {
			lines = append(lines, renderBlock(blk, bullet, i == 0)...)
		}
		prev = blk
	}
	return lines
}

// endsInEmptyItem reports a list whose last item is empty. No blank line
// may follow it: goldmark ends the enclosing list item at that blank line,
// and without one the next line cannot continue the empty item anyway.
func endsInEmptyItem(b article.Block) bool {
	l, ok := b.(*article.List)
	if !ok || len(l.Items) == 0 {
		return false
	}
	last := l.Items[len(l.Items)-1]
	return len(last.Blocks) == 0 && last.Task == nil // a box is text a line can continue
}

// needsBlank reports whether next must be separated from prev by a blank
// line inside a tight list item (article's needsBlankLine, which makes an
// HTML list that needs one loose, follows the same rule): it must unless prev ends by itself (a
// heading, a fence, a rule), next can interrupt the paragraph prev, or
// both are lists (whose markers differ; see renderBlocks).
func needsBlank(prev, next article.Block) bool {
	switch prev.(type) {
	case *article.Heading, *article.Code, *article.Rule:
		return false
	case *article.List:
		// goldmark starts a new list at a line with another marker,
		// whatever its number.
		if _, ok := next.(*article.List); ok {
			return false
		}
		// After an empty last item there is no paragraph for a line to
		// continue lazily; and a blank line there would end the
		// enclosing item too, as goldmark reads it.
		if endsInEmptyItem(prev) {
			return false
		}
		return true
	case *article.Quote:
		// A line that starts a fence, an ATX heading or a rule is no lazy
		// continuation of the quote's last paragraph.
		switch next.(type) {
		case *article.Heading, *article.Code, *article.Rule, *article.Figure:
			return false
		}
	case *article.Paragraph:
		switch n := next.(type) {
		case *article.Heading, *article.Code, *article.Rule, *article.Quote, *article.Figure:
			return false
		case *article.List:
			return len(n.Items) == 0 || len(n.Items[0].Blocks) == 0 || n.Ordered && n.Start != 1
		}
	}
	return true
}

func renderBlock(blk article.Block, alt int, first bool) []string {
	switch b := blk.(type) {
	case *article.Paragraph:
		return paragraphLines(b.Text)
	case *article.Heading:
		return []string{heading(b)}
	case *article.Rule:
		if first {
			// "- ***" would be fine, but "* ***" is itself a rule.
			return []string{"___"}
		}
		return []string{"***"}
	case *article.Code:
		return codeLines(b)
	case *article.Quote:
		inner := renderBlocks(b.Blocks, false)
		if len(inner) == 0 {
			return []string{">"}
		}
		return prefixLines(inner, "> ", "> ", ">")
	case *article.List:
		return listLines(b, alt)
	case *article.Table:
		return tableLines(b)
	case *article.Figure:
		return []string{figureHTML(b)}
	case *article.HTML:
		return strings.Split(strings.TrimRight(b.Text, "\n"), "\n")
	case *article.Footnote:
		inner := renderBlocks(b.Blocks, false)
		first := "[^" + b.Label + "]:"
		if len(inner) == 0 {
			return []string{first}
		}
		return prefixLines(inner, first+" ", "    ", "")
	}
	return nil
}

// prefixLines puts first before lines[0] and rest before the others; a
// blank line gets blank instead, so that no line ends in spaces.
func prefixLines(lines []string, first, rest, blank string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		p := rest
		if i == 0 {
			p = first
		}
		if l == "" {
			if i == 0 {
				out[i] = strings.TrimRight(p, " ")
			} else {
				out[i] = blank
			}
			continue
		}
		out[i] = p + l
	}
	return out
}

func heading(h *article.Heading) string {
	text := renderInlines(h.Text, ctxHeading)
	if text == "" {
		return strings.Repeat("#", clamp(h.Level, 1, 6))
	}
	if strings.HasSuffix(text, "#") {
		// A closing run of #s is not part of the text.
		text = text[:len(text)-1] + `\#`
	}
	return strings.Repeat("#", clamp(h.Level, 1, 6)) + " " + text
}

func clamp(n, lo, hi int) int {
	return max(lo, min(n, hi))
}

func codeLines(c *article.Code) []string {
	text := c.Text
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	fenceChar := "`"
	if strings.Contains(c.Language, "`") {
		fenceChar = "~" // a backtick fence's info string may not hold backticks
	}
	n := 3
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimLeft(line, " ")
		run := len(line) - len(strings.TrimLeft(line, fenceChar))
		if run >= n {
			n = run + 1
		}
	}
	fence := strings.Repeat(fenceChar, n)
	lines := []string{fence + escapeInfo(c.Language)}
	if text != "" {
		lines = append(lines, strings.Split(strings.TrimSuffix(text, "\n"), "\n")...)
	}
	return append(lines, fence)
}

// escapeInfo escapes what CommonMark would decode in an info string.
func escapeInfo(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' || c == '&' && entityAt(s[i:]) > 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func listLines(l *article.List, alt int) []string {
	inners := make([][]string, len(l.Items))
	for i, it := range l.Items {
		inner := renderBlocks(it.Blocks, !l.Loose)
		if it.Task != nil {
			box := "[ ]"
			if *it.Task {
				box = "[x]"
			}
			_, para := firstBlock(it.Blocks).(*article.Paragraph)
			if para {
				inner[0] = box + " " + inner[0]
			} else {
				// The box is a paragraph's start: before a fence, a list or
				// anything else it stands on a line of its own.
				inner = append([]string{box}, inner...)
			}
		}
		inners[i] = inner
	}
	bullet := "-*"[alt : alt+1]
	if !l.Ordered {
		// Nested empty lists ("- - -") would read as a thematic break;
		// + never forms one.
		for _, inner := range inners {
			if len(inner) > 0 && isThematicBreak(bullet+" "+inner[0]) {
				bullet = "+"
			}
		}
	}
	var lines []string
	for i, inner := range inners {
		if i > 0 && l.Loose {
			lines = append(lines, "")
		}
		marker := bullet
		if l.Ordered {
			marker = strconv.Itoa(l.Start+i) + ".)"[alt:alt+1]
		}
		pad := strings.Repeat(" ", len(marker)+1)
		if len(inner) == 0 {
			lines = append(lines, marker)
			continue
		}
		lines = append(lines, prefixLines(inner, marker+" ", pad, "")...)
	}
	return lines
}

// isThematicBreak reports a line of three or more of one of - * _ and
// nothing else but spaces and tabs.
func isThematicBreak(line string) bool {
	var c byte
	n := 0
	for i := 0; i < len(line); i++ {
		switch b := line[i]; b {
		case ' ', '\t':
		case '-', '*', '_':
			if c != 0 && b != c {
				return false
			}
			c = b
			n++
		default:
			return false
		}
	}
	return n >= 3
}

func firstBlock(blocks []article.Block) article.Block {
	if len(blocks) == 0 {
		return nil
	}
	return blocks[0]
}

func tableLines(t *article.Table) []string {
	cols := len(t.Header)
	row := func(cells []article.Cell) string {
		var b strings.Builder
		b.WriteString("|")
		for i := 0; i < cols; i++ {
			var text string
			if i < len(cells) {
				text = renderInlines(cells[i].Text, ctxCell)
			}
			b.WriteString(" " + text + " |")
		}
		return b.String()
	}
	lines := []string{row(t.Header)}
	var b strings.Builder
	b.WriteString("|")
	for i := 0; i < cols; i++ {
		var a article.Align
		if i < len(t.Align) {
			a = t.Align[i]
		}
		switch a {
		case article.AlignLeft:
			b.WriteString(" :-- |")
		case article.AlignCenter:
			b.WriteString(" :-: |")
		case article.AlignRight:
			b.WriteString(" --: |")
		default:
			b.WriteString(" --- |")
		}
	}
	lines = append(lines, b.String())
	for _, r := range t.Rows {
		lines = append(lines, row(r))
	}
	return lines
}

// figureLines writes a figure as Markdown inside the HTML elements that
// make it a figure, each on lines of its own between blank lines, so that
// a renderer that omits raw HTML (goldmark and Hugo by default) still
// shows the image and the caption; Parse reads the run back as one
// figure. In a tight list item, where blank lines would make the list
// loose, figureHTML writes it as one line of HTML.
func figureLines(f *article.Figure) []string {
	img := renderInlines([]article.Inline{&f.Image}, ctxPara)
	lines := []string{"<figure>", "", img, ""}
	if len(f.Caption) > 0 {
		lines = append(lines, "<figcaption>", "")
		lines = append(lines, paragraphLines(f.Caption)...)
		lines = append(lines, "", "</figcaption>")
	}
	return append(lines, "</figure>")
}

func figureHTML(f *article.Figure) string {
	var b strings.Builder
	b.WriteString("<figure>")
	writeImageHTML(&b, &f.Image)
	if len(f.Caption) > 0 {
		b.WriteString("<figcaption>")
		writeInlinesHTML(&b, f.Caption)
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return b.String()
}

// looksLikeJSONFrontMatter reports whether Parse would take the first line
// of s for the start of JSON front matter: "{" followed on its line only
// by white space, `"` or "}".
func looksLikeJSONFrontMatter(s string) bool {
	line, _, _ := strings.Cut(s, "\n")
	if !strings.HasPrefix(line, "{") {
		return false
	}
	rest := strings.TrimLeft(line[1:], " \t")
	return rest == "" || rest[0] == '"' || rest[0] == '}'
}

package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/articlekit/article"
)

// A context is where inlines are written; it decides how a hard line
// break is written and which characters need escaping.
type context int

const (
	ctxPara    context = iota // a paragraph: may span lines
	ctxHeading                // an ATX heading: one line
	ctxCell                   // a table cell: one line, | escaped
)

// An inlineWriter writes a run of inlines (a paragraph, a heading's text,
// a table cell) as Markdown text at the end of b, from b[base:] on. The
// Markdown writer lends it its output buffer when the run can go there
// as it is (see inlinesHere); a paragraph inside a quote or a list item,
// whose newlines need prefixes, is written into b and copied line by line.
type inlineWriter struct {
	b    []byte
	base int // where in b the run of inlines starts
	ctx  context
	// open holds the delimiter runs of the spans being written,
	// innermost last.
	open []delimRun
}

// reset empties w for a run of inlines in ctx.
func (w *inlineWriter) reset(ctx context) {
	w.b, w.base, w.ctx, w.open = w.b[:0], 0, ctx, w.open[:0]
}

// A delimRun is the opening delimiter run of a span being written.
type delimRun struct {
	c byte
	n int
}

// mayCloseOpen reports whether a run of n characters c that can both
// open and close could close one of the open spans, stealing it from the
// span it is meant to open. CommonMark's rule of three forbids the match
// when the two lengths add up to a multiple of 3 and are not both
// multiples of 3 (so **b** inside *a…c* is safe).
func (w *inlineWriter) mayCloseOpen(c byte, n int) bool {
	for _, o := range w.open {
		if o.c == c && ((o.n+n)%3 != 0 || o.n%3 == 0 && n%3 == 0) {
			return true
		}
	}
	return false
}

// prev returns the character before the write position, as the
// delimiter rules see it: a space at the start of a line.
func (w *inlineWriter) prev() rune {
	if len(w.b) == w.base {
		return ' '
	}
	r := rune(w.b[len(w.b)-1])
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeLastRune(w.b[w.base:])
	}
	if r == '\n' {
		return ' '
	}
	return r
}

func (w *inlineWriter) atLineStart() bool {
	return len(w.b) == w.base || w.b[len(w.b)-1] == '\n'
}

// inlines writes in; next is the character that will follow them.
func (w *inlineWriter) inlines(in []article.Inline, next rune) {
	for i, x := range in {
		nx, more := next, i+1 < len(in)
		if more {
			nx = firstRune(in[i+1])
		}
		w.inline(x, nx, more)
	}
}

// firstRune and lastRune give the character an inline's Markdown starts
// or ends with, as far as the delimiter rules care: markup always starts
// and ends with ASCII punctuation, stood for here by '!'.
func firstRune(x article.Inline) rune {
	if t, ok := x.(*article.Text); ok && t.Text != "" {
		r, _ := utf8.DecodeRuneInString(t.Text)
		return r
	}
	if _, ok := x.(*article.LineBreak); ok {
		return '\\'
	}
	return '!'
}

func lastRune(x article.Inline) rune {
	if t, ok := x.(*article.Text); ok && t.Text != "" {
		r, _ := utf8.DecodeLastRuneInString(t.Text)
		return r
	}
	if _, ok := x.(*article.LineBreak); ok {
		return ' '
	}
	return '!'
}

// The delimiters of the spans, in the order they are tried.
var (
	emDelims     = []string{"*", "_"}
	strongDelims = []string{"**", "__"}
	strikeDelims = []string{"~~"}
)

func (w *inlineWriter) inline(x article.Inline, next rune, more bool) {
	switch x := x.(type) {
	case *article.Text:
		w.text(x.Text, more)
	case *article.Emphasis:
		w.span(x.Text, next, emDelims, "em")
	case *article.Strong:
		w.span(x.Text, next, strongDelims, "strong")
	case *article.Strike:
		w.span(x.Text, next, strikeDelims, "del")
	case *article.CodeSpan:
		w.code(x.Text)
	case *article.Link:
		w.link(x)
	case *article.Image:
		w.b = append(w.b, "!["...)
		w.b = appendEscaped(w.b, x.Alt, textEnv{ctx: w.ctx, prev: '['})
		w.b = append(w.b, "]("...)
		w.b = appendDestination(w.b, x.Src)
		w.b = appendTitle(w.b, x.Title)
		w.b = append(w.b, ')')
	case *article.LineBreak:
		if w.ctx == ctxPara {
			w.b = append(w.b, "\\\n"...)
		} else {
			w.b = append(w.b, "<br>"...)
		}
	case *article.FootnoteRef:
		w.b = append(w.b, "[^"...)
		w.b = append(w.b, x.Label...)
		w.b = append(w.b, ']')
	}
}

// span writes emphasis, strong emphasis or strikethrough with the first
// of delims that CommonMark's flanking rules let open and close here, or
// as the raw HTML element tag when none does (as in 是**“你好”**是,
// where the closing ** follows punctuation and precedes a letter).
func (w *inlineWriter) span(in []article.Inline, next rune, delims []string, tag string) {
	if len(in) == 0 {
		return
	}
	prev, first, last := w.prev(), firstRune(in[0]), lastRune(in[len(in)-1])
	for _, d := range delims {
		c := rune(d[0])
		if prev == c || first == c || last == c || next == c {
			continue // the runs would merge
		}
		openL, openR := flanking(prev, first)
		closeL, closeR := flanking(last, next)
		if !openL || !closeR {
			continue
		}
		if c == '_' && (openR && !isPunct(prev) || closeL && !isPunct(next)) {
			continue
		}
		// An opener that can also close would close an enclosing span
		// of the same character instead.
		if openR && (c != '_' || !openL || isPunct(first)) && w.mayCloseOpen(byte(c), len(d)) {
			continue
		}
		w.b = append(w.b, d...)
		w.open = append(w.open, delimRun{byte(c), len(d)})
		w.inlines(in, c)
		w.open = w.open[:len(w.open)-1]
		w.b = append(w.b, d...)
		return
	}
	if tag == "em" && len(in) == 1 && w.combined(in[0], prev, next) {
		return
	}
	w.b = append(w.b, '<')
	w.b = append(w.b, tag...)
	w.b = append(w.b, '>')
	w.inlines(in, '<')
	w.b = append(w.b, "</"...)
	w.b = append(w.b, tag...)
	w.b = append(w.b, '>')
}

// combined writes emphasis holding only strong emphasis as one run of
// three asterisks, ***x***, which CommonMark reads as <em><strong>: the
// only way to write it between letters (foo***bar***baz). It reports
// false, writing nothing, when the flanking rules do not allow it.
func (w *inlineWriter) combined(x article.Inline, prev, next rune) bool {
	s, ok := x.(*article.Strong)
	if !ok || len(s.Text) == 0 {
		return false
	}
	first, last := firstRune(s.Text[0]), lastRune(s.Text[len(s.Text)-1])
	if prev == '*' || first == '*' || last == '*' || next == '*' {
		return false
	}
	openL, openR := flanking(prev, first)
	_, closeR := flanking(last, next)
	if !openL || !closeR || openR && w.mayCloseOpen('*', 3) {
		return false
	}
	w.b = append(w.b, "***"...)
	w.open = append(w.open, delimRun{'*', 3})
	w.inlines(s.Text, '*')
	w.open = w.open[:len(w.open)-1]
	w.b = append(w.b, "***"...)
	return true
}

// flanking reports whether a delimiter run between before and after is
// left-flanking and right-flanking, as goldmark decides it.
func flanking(before, after rune) (left, right bool) {
	left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before))
	right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after))
	return left, right
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func (w *inlineWriter) code(text string) {
	if text == "" {
		return
	}
	if w.prev() == '`' {
		// Right after another code span, the fences would run together.
		// The element's content is still Markdown text to goldmark.
		w.b = append(w.b, "<code>"...)
		w.b = appendEscaped(w.b, text, textEnv{ctx: w.ctx, prev: '>', more: true})
		w.b = append(w.b, "</code>"...)
		return
	}
	// The fence is a run of backticks longer than any in the text.
	n, run := 1, 0
	for i := 0; i < len(text); i++ {
		if text[i] == '`' {
			run++
			if run >= n {
				n = run + 1
			}
		} else {
			run = 0
		}
	}
	// CommonMark strips one space from each side. (A table cell's \|
	// changes neither end: | is neither a backtick nor a space.)
	pad := text[0] == '`' || text[len(text)-1] == '`' ||
		text[0] == ' ' && text[len(text)-1] == ' ' && strings.Trim(text, " ") != ""
	w.fence(n)
	if pad {
		w.b = append(w.b, ' ')
	}
	if w.ctx == ctxCell {
		for i := 0; i < len(text); i++ {
			if text[i] == '|' {
				w.b = append(w.b, '\\')
			}
			w.b = append(w.b, text[i])
		}
	} else {
		w.b = append(w.b, text...)
	}
	if pad {
		w.b = append(w.b, ' ')
	}
	w.fence(n)
}

func (w *inlineWriter) fence(n int) {
	for range n {
		w.b = append(w.b, '`')
	}
}

func (w *inlineWriter) link(l *article.Link) {
	if len(l.Text) == 1 && l.Title == "" && !(w.ctx == ctxCell && strings.IndexByte(l.Href, '|') >= 0) {
		if t, ok := l.Text[0].(*article.Text); ok && (t.Text == l.Href && isAutolinkURI(l.Href) ||
			strings.HasPrefix(l.Href, "mailto:") && l.Href[len("mailto:"):] == t.Text && isAutolinkEmail(t.Text)) {
			w.b = append(w.b, '<')
			w.b = append(w.b, t.Text...)
			w.b = append(w.b, '>')
			return
		}
	}
	w.b = append(w.b, '[')
	// Delimiters inside a link's text pair among themselves only.
	open := w.open
	w.open = w.open[len(w.open):]
	w.inlines(l.Text, ']')
	w.open = open
	w.b = append(w.b, "]("...)
	w.b = appendDestination(w.b, l.Href)
	w.b = appendTitle(w.b, l.Title)
	w.b = append(w.b, ')')
}

// appendDestination appends a link destination: bare when it can be,
// else in angle brackets; backslash escapes keep \, parentheses and
// entities literal.
func appendDestination(b []byte, href string) []byte {
	if href != "" {
		if out, ok := appendBareDestination(b, href); ok {
			return out
		}
	}
	b = append(b, '<')
	from := 0 // href[from:i] is still to be written as it is
	for i := 0; i < len(href); i++ {
		c := href[i]
		if !destSpecial[c] {
			continue
		}
		switch {
		case c == '\\', c == '<', c == '>', c == '&' && entityAt(href[i:]) > 0:
			b = append(b, href[from:i]...)
			b = append(b, '\\')
			from = i
		case c == '\n':
			b = append(b, href[from:i]...)
			b = append(b, "%0A"...)
			from = i + 1
		case c == '\r':
			b = append(b, href[from:i]...)
			b = append(b, "%0D"...)
			from = i + 1
		}
	}
	b = append(b, href[from:]...)
	return append(b, '>')
}

// destSpecial marks the bytes the destination in angle brackets may
// escape or encode.
var destSpecial = [256]bool{'\\': true, '<': true, '>': true, '&': true, '\n': true, '\r': true}

// bareSpecial marks the bytes a bare destination escapes (\ ( ) &), and
// those it cannot hold (a space, a control character, < or >; 0xC2 starts
// U+0080 to U+009F, the C1 controls, and also other characters).
var bareSpecial = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for _, c := range "\\()&<>\x7f" {
		t[c] = true
	}
	t[0xc2] = true
	return t
}()

// appendBareDestination appends href as a bare destination and reports
// whether it could; when it could not, what it appended is to be thrown
// away.
func appendBareDestination(b []byte, href string) ([]byte, bool) {
	from := 0 // href[from:i] is still to be written as it is
	for i := 0; i < len(href); i++ {
		c := href[i]
		if !bareSpecial[c] {
			continue
		}
		switch {
		case c <= ' ', c == '<', c == '>', c == 0x7f:
			return b, false
		case c == 0xc2:
			if i+1 < len(href) && href[i+1] >= 0x80 && href[i+1] <= 0x9f {
				return b, false
			}
		case c == '&' && entityAt(href[i:]) == 0:
		default: // \ ( ) and an entity's &
			b = append(b, href[from:i]...)
			b = append(b, '\\')
			from = i
		}
	}
	return append(b, href[from:]...), true
}

// appendTitle appends a link title with the space before it, or nothing
// when t is empty.
func appendTitle(b []byte, t string) []byte {
	if t == "" {
		return b
	}
	b = append(b, ` "`...)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '"' || c == '\\' || c == '&' && entityAt(t[i:]) > 0 {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return append(b, '"')
}

func (w *inlineWriter) text(s string, more bool) {
	w.b = appendEscaped(w.b, s, textEnv{ctx: w.ctx, prev: w.prev(), lineStart: w.atLineStart(), more: more, newlines: true})
}

package render

import (
	"html"
	"regexp"
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

func paragraphLines(in []article.Inline) []string {
	return appendLines(nil, renderInlines(in, ctxPara))
}

// appendLines appends the lines of s to lines, none when s is empty.
func appendLines(lines []string, s string) []string {
	if s == "" {
		return lines
	}
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(lines, s)
		}
		lines = append(lines, s[:i])
		s = s[i+1:]
	}
}

// renderInlines writes in as Markdown text.
func renderInlines(in []article.Inline, ctx context) string {
	w := inlineWriter{ctx: ctx}
	n := inlinesLen(in)
	w.b.Grow(n + n/8 + 16) // room for the escapes, so that b grows once
	w.inlines(in, ' ')
	return w.b.String()
}

// inlinesLen returns the length of the texts of in.
func inlinesLen(in []article.Inline) int {
	n := 0
	for _, x := range in {
		switch x := x.(type) {
		case *article.Text:
			n += len(x.Text)
		case *article.CodeSpan:
			n += len(x.Text) + 2
		case *article.Emphasis:
			n += inlinesLen(x.Text) + 2
		case *article.Strong:
			n += inlinesLen(x.Text) + 4
		case *article.Strike:
			n += inlinesLen(x.Text) + 4
		case *article.Link:
			n += inlinesLen(x.Text) + len(x.Href) + len(x.Title) + 4
		case *article.Image:
			n += len(x.Alt) + len(x.Src) + len(x.Title) + 5
		default:
			n += 2
		}
	}
	return n
}

type inlineWriter struct {
	b   strings.Builder
	ctx context
	// open holds the delimiter runs of the spans being written,
	// innermost last.
	open []delimRun
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
	s := w.b.String()
	if s == "" {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == '\n' {
		return ' '
	}
	return r
}

func (w *inlineWriter) atLineStart() bool {
	s := w.b.String()
	return s == "" || s[len(s)-1] == '\n'
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

func (w *inlineWriter) inline(x article.Inline, next rune, more bool) {
	switch x := x.(type) {
	case *article.Text:
		w.text(x.Text, more)
	case *article.Emphasis:
		w.span(x.Text, next, []string{"*", "_"}, "em")
	case *article.Strong:
		w.span(x.Text, next, []string{"**", "__"}, "strong")
	case *article.Strike:
		w.span(x.Text, next, []string{"~~"}, "del")
	case *article.CodeSpan:
		w.code(x.Text)
	case *article.Link:
		w.link(x)
	case *article.Image:
		w.b.WriteString("![")
		w.b.WriteString(escapeText(x.Alt, textEnv{ctx: w.ctx, prev: '['}))
		w.b.WriteString("](")
		w.b.WriteString(destination(x.Src))
		w.b.WriteString(title(x.Title))
		w.b.WriteString(")")
	case *article.LineBreak:
		if w.ctx == ctxPara {
			w.b.WriteString("\\\n")
		} else {
			w.b.WriteString("<br>")
		}
	case *article.FootnoteRef:
		w.b.WriteString("[^" + x.Label + "]")
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
		w.b.WriteString(d)
		w.open = append(w.open, delimRun{byte(c), len(d)})
		w.inlines(in, c)
		w.open = w.open[:len(w.open)-1]
		w.b.WriteString(d)
		return
	}
	if tag == "em" && len(in) == 1 && w.combined(in[0], prev, next) {
		return
	}
	w.b.WriteString("<" + tag + ">")
	w.inlines(in, '<')
	w.b.WriteString("</" + tag + ">")
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
	w.b.WriteString("***")
	w.open = append(w.open, delimRun{'*', 3})
	w.inlines(s.Text, '*')
	w.open = w.open[:len(w.open)-1]
	w.b.WriteString("***")
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
		w.b.WriteString("<code>" + escapeText(text, textEnv{ctx: w.ctx, prev: '>', more: true}) + "</code>")
		return
	}
	if w.ctx == ctxCell {
		text = strings.ReplaceAll(text, "|", `\|`)
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
	fence := strings.Repeat("`", n)
	pad := ""
	if text[0] == '`' || text[len(text)-1] == '`' ||
		text[0] == ' ' && text[len(text)-1] == ' ' && strings.Trim(text, " ") != "" {
		pad = " " // CommonMark strips one space from each side
	}
	w.b.WriteString(fence + pad + text + pad + fence)
}

var emailRE = regexp.MustCompile(`^[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`)

var autolinkRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*$`)

func (w *inlineWriter) link(l *article.Link) {
	if len(l.Text) == 1 && l.Title == "" && !(w.ctx == ctxCell && strings.Contains(l.Href, "|")) {
		if t, ok := l.Text[0].(*article.Text); ok && (t.Text == l.Href && autolinkRE.MatchString(l.Href) ||
			"mailto:"+t.Text == l.Href && emailRE.MatchString(t.Text)) {
			w.b.WriteString("<" + t.Text + ">")
			return
		}
	}
	w.b.WriteString("[")
	// Delimiters inside a link's text pair among themselves only.
	open := w.open
	w.open = nil
	w.inlines(l.Text, ']')
	w.open = open
	w.b.WriteString("](")
	w.b.WriteString(destination(l.Href))
	w.b.WriteString(title(l.Title))
	w.b.WriteString(")")
}

// destination writes a link destination: bare when it can be, else in
// angle brackets; backslash escapes keep \, parentheses and entities
// literal.
func destination(href string) string {
	pointy := href == "" || strings.ContainsAny(href, " \t<>") || strings.ContainsFunc(href, unicode.IsControl)
	var b strings.Builder
	if pointy {
		b.WriteByte('<')
	}
	for i := 0; i < len(href); i++ {
		c := href[i]
		switch {
		case c == '\\', c == '<', c == '>', !pointy && (c == '(' || c == ')'), c == '&' && entityAt(href[i:]) > 0:
			b.WriteByte('\\')
		case c == '\n':
			b.WriteString("%0A")
			continue
		case c == '\r':
			b.WriteString("%0D")
			continue
		}
		b.WriteByte(c)
	}
	if pointy {
		b.WriteByte('>')
	}
	return b.String()
}

func title(t string) string {
	if t == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(` "`)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '"' || c == '\\' || c == '&' && entityAt(t[i:]) > 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String()
}

func (w *inlineWriter) text(s string, more bool) {
	s = strings.ReplaceAll(s, "\n", " ")
	escapeTextTo(&w.b, s, textEnv{ctx: w.ctx, prev: w.prev(), lineStart: w.atLineStart(), more: more})
}

// A textEnv is what escaping a text needs to know about its place.
type textEnv struct {
	ctx       context
	prev      rune // the character written before the text
	lineStart bool // the text starts a line
	more      bool // an inline follows the text
}

// entityAt returns the length of the entity or character reference at the
// start of s (&name; of up to 32 letters and digits, &#DDDDDDD; or
// &#xHHHHHH;), or 0.
func entityAt(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i, n, max := 1, 0, 32
	isDigit := isASCIIAlnum
	if s[1] == '#' {
		i, max, isDigit = 2, 7, isDecimal
		if len(s) > 2 && (s[2] == 'x' || s[2] == 'X') {
			i, max, isDigit = 3, 6, isHex
		}
	} else if !isASCIILetter(s[1]) {
		return 0
	}
	for i+n < len(s) && n < max && isDigit(s[i+n]) {
		n++
	}
	if n == 0 || i+n >= len(s) || s[i+n] != ';' {
		return 0
	}
	return i + n + 1
}

func isDecimal(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool     { return isDecimal(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// escapeText returns s escaped as escapeTextTo writes it.
func escapeText(s string, env textEnv) string {
	var b strings.Builder
	escapeTextTo(&b, s, env)
	return b.String()
}

// textSpecial marks the bytes escapeTextTo must look at; every other byte
// is copied as it is, in runs. h, f and w may start a URL or a www.
// address (see linkifyBreak).
var textSpecial = [256]bool{
	'\\': true, '`': true, '*': true, '[': true, ']': true, '~': true,
	'_': true, '&': true, '<': true, '!': true, '|': true, '@': true,
	'h': true, 'f': true, 'w': true,
}

// escapeTextTo writes s to b escaped so that it reads back as the same
// text: ASCII punctuation that could start markup gets a backslash, and no
// more, so that Hugo shortcodes ({{< x >}}), Liquid tags and CJK text stay
// as they were written. The rules:
//
//   - \ ` * [ ] ~ are always escaped; _ unless it is between letters or
//     digits; & when it starts an entity; < when a tag, comment or
//     autolink could start with it (not "< ", nor the one of a Hugo
//     shortcode {{<name>}}); ! and < at the end of a
//     text that more markup follows; | in a table cell.
//   - At the start of a line: # > - + = : | and digits followed by . or )
//     (headings, quotes, lists, setext underlines, table rows), and the {
//     of a Liquid {% highlight %} tag, which would open a code block; spaces
//     and tabs, which a line would lose, become &#32; and &#9;.
//   - Where GFM's autolink extension would see a URL, www. address or
//     e-mail address (at the start of the text or after a space, *, _, ~
//     or (), the first : or . is escaped, and so is an @ between a
//     character of an address and a letter or digit, so the text stays
//     text.
//
// Invalid UTF-8 is written as U+FFFD, one per bad byte.
func escapeTextTo(b *strings.Builder, s string, env textEnv) {
	if !utf8.ValidString(s) {
		s = replaceInvalid(s)
	}
	b.Grow(len(s) + 8)
	i := 0
	breakAt := -1 // the offset of a character escaped to stop an autolink
	if env.lineStart {
		for ; i < len(s) && (s[i] == ' ' || s[i] == '\t'); i++ {
			if s[i] == ' ' {
				b.WriteString("&#32;")
			} else {
				b.WriteString("&#9;")
			}
		}
		if i < len(s) && env.ctx == ctxPara {
			switch c := s[i]; {
			case strings.IndexByte("#>-+=:|", c) >= 0:
				b.WriteByte('\\')
			case c == '{' && highlightTagRE.MatchString(s[i:]):
				// Parse reads a line that opens a Jekyll highlight block
				// (see article's body_liquid.go) as the start of code.
				b.WriteByte('\\')
			case c >= '0' && c <= '9':
				j := i
				for j < len(s) && j-i < 10 && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				if j < len(s) && (s[j] == '.' || s[j] == ')') {
					breakAt = j
				}
			}
		}
	}
	from := i // s[from:i] is still to be written as it is
	for ; i < len(s); i++ {
		c := s[i]
		last := i+1 == len(s)
		if !textSpecial[c] && i != breakAt && !(c == ' ' && last) {
			continue
		}
		escape := false
		switch c {
		case 'h', 'f', 'w':
			// goldmark tries autolinks at the start of every text, not
			// only after the characters it names as triggers.
			if breakAt < i && (i == 0 || isLinkifyTrigger(lastRuneOf(s[:i]))) {
				if k := linkifyBreak(s[i:]); k >= 0 {
					breakAt = i + k
				}
			}
		case '\\':
			if last && env.more {
				// goldmark reads \\\ before a line end as a literal
				// backslash and no hard break.
				b.WriteString(s[from:i])
				b.WriteString("&#92;")
				from = i + 1
				continue
			}
			escape = true
		case '`', '*', '[', ']', '~':
			escape = true
		case '_':
			prev := env.prev
			if i > 0 {
				prev = lastRuneOf(s[:i])
			}
			nr, _ := utf8.DecodeRuneInString(s[i+1:])
			escape = !(isWordRune(prev) && i+1 < len(s) && isWordRune(nr))
		case '&':
			escape = entityAt(s[i:]) > 0
		case '<':
			escape = (i+1 < len(s) && (strings.IndexByte("/!?", s[i+1]) >= 0 || isASCIILetter(s[i+1])) || last && env.more) && !isShortcodeOpen(s, i)
		case '!':
			escape = last && env.more
		case '|':
			escape = env.ctx == ctxCell
		case '@':
			// An e-mail address's local part may start in an earlier
			// inline (1.*__x@y.com is one address), so any @ that could
			// end one is escaped.
			escape = i+1 < len(s) && isASCIIAlnum(s[i+1]) && (i == 0 || strings.IndexByte(emailLocal, s[i-1]) >= 0)
		default:
			escape = i == breakAt
		}
		if escape {
			b.WriteString(s[from:i])
			b.WriteByte('\\')
			from = i
		}
		// Spaces at the end of a line are dropped by the parser.
		if c == ' ' && last && !env.more {
			b.WriteString(s[from:i])
			b.WriteString("&#32;")
			from = i + 1
		}
	}
	b.WriteString(s[from:])
}

// lastRuneOf returns the last rune of s, which is not empty.
func lastRuneOf(s string) rune {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// replaceInvalid replaces each byte of s that is not part of valid UTF-8
// with U+FFFD, as ranging over s reads it.
func replaceInvalid(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

var highlightTagRE = regexp.MustCompile(`^\{%-?[ \t]*highlight[ \t]`)

// isShortcodeOpen reports whether the < at s[i] opens a Hugo shortcode
// written without spaces, {{<name>}}, which Parse keeps as text.
func isShortcodeOpen(s string, i int) bool {
	if i < 2 || s[i-2:i] != "{{" {
		return false
	}
	end := strings.IndexByte(s[i:], '>')
	// {{<http://x>}} holds an autolink, not a tag.
	return end > 0 && strings.HasPrefix(s[i+end+1:], "}}") && !strings.ContainsAny(s[i:i+end], ":@")
}

func isWordRune(r rune) bool    { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isLinkifyTrigger(r rune) bool {
	return isSpace(r) || r == '*' || r == '_' || r == '~' || r == '('
}

// emailLocal holds the characters of an e-mail address's local part
// other than letters and digits, as goldmark's autolink extension reads
// it.
const emailLocal = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-"

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// linkifyBreak returns the offset in s of the character to escape so that
// GFM's autolink extension, trying s, finds no URL or www. address, or -1
// when it would find none anyway. (E-mail addresses are handled at the @.)
func linkifyBreak(s string) int {
	if s == "" || !(isASCIILetter(s[0]) || s[0] >= '0' && s[0] <= '9') {
		return -1
	}
	// The offset of the : of http:, https: or ftp:, or of www.'s dot.
	switch {
	case strings.HasPrefix(s, "https:"):
		return 5
	case strings.HasPrefix(s, "http:"):
		return 4
	case strings.HasPrefix(s, "ftp:"), strings.HasPrefix(s, "www."):
		return 3
	}
	return -1
}

// HTML, for figures and for the inlines of spans written as raw HTML.

func writeInlinesHTML(b *strings.Builder, in []article.Inline) {
	for _, x := range in {
		switch x := x.(type) {
		case *article.Text:
			b.WriteString(html.EscapeString(x.Text))
		case *article.Emphasis:
			writeElementHTML(b, "em", x.Text)
		case *article.Strong:
			writeElementHTML(b, "strong", x.Text)
		case *article.Strike:
			writeElementHTML(b, "del", x.Text)
		case *article.CodeSpan:
			b.WriteString("<code>" + html.EscapeString(x.Text) + "</code>")
		case *article.Link:
			b.WriteString(`<a href="` + html.EscapeString(x.Href) + `"`)
			if x.Title != "" {
				b.WriteString(` title="` + html.EscapeString(x.Title) + `"`)
			}
			b.WriteString(">")
			writeInlinesHTML(b, x.Text)
			b.WriteString("</a>")
		case *article.Image:
			writeImageHTML(b, x)
		case *article.LineBreak:
			b.WriteString("<br>")
		case *article.FootnoteRef:
			b.WriteString(html.EscapeString("[^" + x.Label + "]"))
		}
	}
}

func writeElementHTML(b *strings.Builder, tag string, in []article.Inline) {
	b.WriteString("<" + tag + ">")
	writeInlinesHTML(b, in)
	b.WriteString("</" + tag + ">")
}

func writeImageHTML(b *strings.Builder, img *article.Image) {
	b.WriteString(`<img src="` + html.EscapeString(img.Src) + `" alt="` + html.EscapeString(img.Alt) + `"`)
	if img.Title != "" {
		b.WriteString(` title="` + html.EscapeString(img.Title) + `"`)
	}
	b.WriteString(">")
}

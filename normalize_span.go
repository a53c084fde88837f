package article

import (
	"bytes"
	"strings"
)

// The spans protectWord finds in a word and keeps as they are: URLs,
// paths, emoticons, shortcodes, placeholders and abbreviations; and the
// template actions protectTemplates finds across words. Each is read as
// the next pass will read it (forms gives the width each mark will
// have), so that one pass decides alike before and after.

// findURL returns the first URL in w at or after k, trimmed of the
// punctuation that ends a sentence, or -1, -1.
//
// A URL is typed in ASCII, and a full-width mark (see forms) after its
// scheme is no part of one: it ends the URL, and a :// with a
// full-width colon starts none. (A full-width dot in the scheme, a。://,
// is read as the dot it becomes when narrowed, as elsewhere.) Marks that turn full-width take the spaces beside them, and the
// next pass reads them with what those spaces parted: 接A ://! became
// 接A：//!, and http://a.com ,#! became http://a.com，#!, which must not
// read as the URLs A:// and http://a.com,# where the pass before read
// none and http://a.com.
func findURL(w, forms []byte, k int) (int, int) {
	ascii := func(i int) bool { return forms == nil || forms[i] == 0 }
	for ; k < len(w); k++ {
		s := -1
		switch {
		case w[k] == ':' && k+2 < len(w) && w[k+1] == '/' && w[k+2] == '/' && ascii(k):
			s = k
			for s > 0 && (isAlnumByte(w[s-1]) || w[s-1] == '+' || w[s-1] == '-' || w[s-1] == '.') {
				s--
			}
			for s < k && !isLetterByte(w[s]) {
				s++
			}
			if s == k {
				continue
			}
		case (w[k] == 'w' || w[k] == 'W') && k+4 <= len(w) && bytes.EqualFold(w[k:k+4], []byte("www.")) && ascii(k+3) && (k == 0 || !isAlnumByte(w[k-1])):
			s = k
		default:
			continue
		}
		e := k + 1
		for e < len(w) && w[e] != '"' && w[e] != '<' && w[e] != '>' && w[e] != '`' && ascii(e) {
			e++
		}
		return s, trimURL(w, s, e)
	}
	return -1, -1
}

// trimURL drops sentence punctuation and unbalanced closing brackets from
// the end of w[s:e], as GFM autolinks do.
func trimURL(w []byte, s, e int) int {
	for e > s {
		switch w[e-1] {
		case '.', ',', ':', ';', '!', '?', '\'', '*', '_':
			e--
			continue
		case ')':
			if bytes.Count(w[s:e], []byte("(")) < bytes.Count(w[s:e], []byte(")")) {
				e--
				continue
			}
		case ']':
			if bytes.Count(w[s:e], []byte("[")) < bytes.Count(w[s:e], []byte("]")) {
				e--
				continue
			}
		}
		break
	}
	return e
}

// findPath returns the span of the first file path in w that starts at
// or after from, or -1, -1: a word that starts with /x, ./, ../, ~/ or a
// drive letter, or that has a slash between letters or digits.
//
// A path may also start after a mark that can turn full-width (0,/usr/bin,
// a:"/usr, a.../usr): once it has, the path starts a word of its own, and
// the second pass must see what the first saw. So each such start is
// looked at as the start of a word is, and so is each such mark, which
// may join the word before it (a 。/ becomes a。/).
//
// A path ends before , ; or : (see endsPath), which end a clause in
// prose. Once one has turned full-width and the space after it has gone,
// the next pass reads the word after it as joined to the path (见/0, #!
// becomes 见/0，#!, read as "/0,#!"): ending the path there makes it the
// same path, "/0", with the space or without.
func findPath(w, forms []byte, from int) (int, int) {
	for p := from; p < len(w); p++ {
		if p > 0 && !splitsAfter(w, forms, p-1) && !widthMark(w, forms, p) {
			continue
		}
		s := p
		for s < len(w) && !isAlnumByte(w[s]) && w[s] != '/' && w[s] != '.' && w[s] != '~' && w[s] != '\\' {
			s++
		}
		e := s
		for e < len(w) && !endsPath(w, forms, s, e) {
			e++
		}
		// Judged without the marks at its end, which may turn
		// full-width and leave the word (a:/.!), nor the quotes, which
		// may turn curly and leave it (他/。 " becomes 他/。", whose
		// "/." is no path, as "/" was none); a closing quote stays in
		// the span, as the quotes pair up without it.
		e = trimURL(w, s, e)
		q := e
		for q > s && w[q-1] == '"' {
			q--
		}
		if isPath(w[s:trimURL(w, s, q)]) {
			return s, e
		}
	}
	return -1, -1
}

// widthMark reports whether w[k] is a mark that may change width, so
// that a word may start there in another pass: once full-width, the
// spaces before it go and it joins the word before (a 。/ becomes a。/).
// A dot counts only at the start of a run of dots, which may become ……
func widthMark(w, forms []byte, k int) bool {
	switch w[k] {
	case ',', ':', ';', '!', '?', '(', ')':
		return true
	case '.':
		return k == 0 || !sameDots(w, forms, k-1, k)
	}
	return false
}

// sameDots reports whether the dots w[a] and w[a+1] are of one run as
// every pass reads it. Dots of one rune with no gap between them are one
// run. Where the rune changes, or a gap of spaces parts ASCII dots, the
// runs stay two where the run before the change has two marks or more,
// which keep their rune or become ……: in 他...。/ the 。 starts "./", as
// it does in the 他……。/ that the next pass reads, and in 有.. ./ the
// lone dot does, whether it becomes 。 and loses its space or not. A
// lone dot may change width and join the run after it (他.。。/ becomes
// 他。。。/, 有. ../ 有。../), so it is read as part of that run. But a
// row of two lone dots or more, of two runes or parted by spaces, at
// the start of a word after CJK text or after a mark, becomes 。。 or ……
// there, which stays apart from a pair of . after it (他.。../ becomes
// 他。。../, 有. . ../ 有。。../, 有。.。../ 有……../). After a letter or
// digit of the word the sentence may be English, where the lone dots
// may become ... instead and join the pair.
func sameDots(w, forms []byte, a, b int) bool {
	if w[a] != '.' || w[b] != '.' {
		return false
	}
	if forms == nil || oneRun(w, forms, b) {
		return true // one rune, and no gap before b
	}
	if oneRun(w, forms, a) {
		return false // a pair or more before the boundary
	}
	asciiPair := forms[b]&^formGap == 0 && b+1 < len(w) && w[b+1] == '.' && forms[b+1] == 0
	return !asciiPair || a == 0 || !loneDots(w, forms, a)
}

// oneRun reports whether w[k-1] is a dot of the run w[k] is in: the same
// rune (form), with no gap before w[k]. (sameDots calls it with w[k] a
// dot.)
func oneRun(w, forms []byte, k int) bool {
	return k > 0 && w[k-1] == '.' && forms[k]&formGap == 0 && forms[k-1]&^formGap == forms[k]
}

// loneDots reports whether w[a] ends a row of two lone dots or more,
// each of another rune than the one before it or parted from it by
// spaces, that starts the word or follows a mark or a run of two dots or
// more: dots that become 。 in CJK text and make one run of 。 or …….
// A row is followed back no further than 16 dots, which no text has, so
// that a word is read in linear time.
func loneDots(w, forms []byte, a int) bool {
	k := a // w[k:a+1] are lone dots
	for k > 0 && w[k-1] == '.' && !oneRun(w, forms, k-1) {
		if k--; k <= a-16 {
			return false
		}
	}
	return k < a && (k == 0 || w[k-1] == '.' || !isAlnumByte(w[k-1]))
}

// splitsAfter reports whether w[k] is a mark that the punctuation rules
// may make full-width, ending the word there in the next pass: , ; : ! ?
// ( " or the last of a run of dots (which may become 。 or ……).
func splitsAfter(w, forms []byte, k int) bool {
	switch w[k] {
	case ',', ';', ':', '!', '?', '(', '"':
		return true
	case '.':
		return k+1 == len(w) || !sameDots(w, forms, k, k+1)
	}
	return false
}

// endsPath reports whether a path that starts at w[s] ends before w[e]:
// at , ; or :, which end a clause in prose and may turn full-width, but
// not at the colon of a drive letter (C:\), which is typed in ASCII: a
// full-width one is punctuation (洴A :\! became 洴A：\!, which must not
// read as the drive A:\ in the next pass).
//
// A path ends at a bracket too, ( or ), which may turn full-width with
// its partner and take the spaces beside it: /_ (A)很 became /_（A）很,
// and /A (/很) /A（/很）, which the next pass must not read as the paths
// "/_(" and "/A(/" where this one read none and "/A".
//
// A path also ends at a dot that no letter, digit, dot or slash follows
// (/A.#), and at ! or ? that no letter or digit follows (/A!#): a name
// goes on after its dot (a.txt, /a./b, ../), and a full stop ends the
// path. A mark that is or turns full-width takes the space after it
// (/A。 # becomes /A。#, and 他/A! # becomes 他/A！#), and the next pass
// reads the word on through it (see joinsNext) where this one read the
// word /A。 alone. A letter after the mark starts a word of its own, and
// so does a digit after 。; dotJoins reads a dot or a slash after a dot's
// spaces as this word's in both passes; and a digit after ！ joins the
// path in the next pass, but ！ comes out the same, kept there or made
// full-width here.
func endsPath(w, forms []byte, s, e int) bool {
	switch n := e + 1; w[e] {
	case ',', ';', '(', ')':
		return true
	case '!', '?':
		return n < len(w) && !isAlnumByte(w[n])
	case '.':
		return n < len(w) && !isAlnumByte(w[n]) && w[n] != '.' && w[n] != '/'
	case ':':
		return e != s+1 || !isLetterByte(w[s]) || forms != nil && forms[e] != 0
	}
	return false
}

// isPath reports whether v starts with /x, ./, ../, ~/ or a drive
// letter, or has a slash between letters or digits.
func isPath(v []byte) bool {
	abs := len(v) > 1 && v[0] == '/' && (isAlnumByte(v[1]) || v[1] == '_' || v[1] == '.' && dotName(v[2:])) ||
		bytes.HasPrefix(v, []byte("./")) || bytes.HasPrefix(v, []byte("../")) || bytes.HasPrefix(v, []byte("~/")) ||
		len(v) > 2 && isLetterByte(v[0]) && v[1] == ':' && v[2] == '\\'
	if !abs {
		for k := 1; k+1 < len(v); k++ {
			if (v[k] == '/' || v[k] == '\\') && isAlnumByte(v[k-1]) && isAlnumByte(v[k+1]) {
				abs = true
				break
			}
		}
	}
	return abs
}

// dotName reports whether v, what follows "/." at the start of a path,
// goes on as a path does, after any more dots: /.config, /./x, /../x. A
// slash and full stops before anything else (/。#, /。。#) are no path,
// in the pass that takes the space after the stops and in the next.
func dotName(v []byte) bool {
	for len(v) > 0 && v[0] == '.' {
		v = v[1:]
	}
	return len(v) > 0 && (isAlnumByte(v[0]) || v[0] == '/' || v[0] == '_')
}

// emoticon returns the length of the emoticon w starts with, or 0. end
// tells what follows w (see wordEnd).
func emoticon(w []byte, end byte) int {
	if len(w) < 2 || !emoticonSecond[w[1]&0x7F] {
		return 0
	}
	for _, e := range emoticons {
		if len(w) < len(e) || string(w[:len(e)]) != e {
			continue
		}
		next := end
		if len(w) > len(e) {
			next = w[len(e)]
		}
		// :D and XD only as a word of their own.
		if next == ' ' || next != 0 && !isAlnumByte(e[len(e)-1]) && !isAlnumByte(next) {
			return len(e)
		}
	}
	return 0
}

// shortcode returns the length of the emoji shortcode w starts with
// (:smile:, :+1:, :100:), as GitHub and Hugo write them, or 0. A name is
// lower-case letters, digits and _+-; the shortcode must not run into a
// letter, digit or slash, so that "时间:10:30" and "地址:https://…" keep
// their first colon free to convert.
func shortcode(w []byte) int {
	e := 1
	for e < len(w) && (w[e] >= 'a' && w[e] <= 'z' || isDigitByte(w[e]) || w[e] == '_' || w[e] == '+' || w[e] == '-') {
		e++
	}
	if e == 1 || e == len(w) || w[e] != ':' || e+1 < len(w) && (isAlnumByte(w[e+1]) || w[e+1] == '/') {
		return 0
	}
	return e + 1
}

// shortcodeAt returns the length of the shortcode at w[k], or 0. A
// shortcode is typed in ASCII: written with a full-width colon, the colon
// is punctuation for the rules to decide. Read as a shortcode, ：0： 0
// kept its colons and lost its space, and the next pass read the number
// 0:0.
func shortcodeAt(w, forms []byte, k int) int {
	n := shortcode(w[k:])
	if n > 0 && forms != nil && (forms[k]&^formGap != 0 || forms[k+n-1]&^formGap != 0) {
		return 0
	}
	return n
}

// emoticonSecond holds the second bytes of the emoticons, so that most
// words skip the list.
var emoticonSecond = func() (t [0x80]bool) {
	for _, e := range emoticons {
		t[e[1]] = true
	}
	return t
}()

var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":')", ":'(",
	";(", ";-(", ":)", ":(", ":D", ":P", ":p", ":O", ":o", ";)", "=)", "=(",
	"^_^", "^^", "T_T", "XD",
}

// placeholder returns the length of the printf verb w starts with
// (%s, %d, %5.2f, %-10s, %1$s, %%), or 0.
func placeholder(w []byte) int {
	k := 1
	if k < len(w) && w[k] == '%' {
		return 2
	}
	if k+1 < len(w) && isDigitByte(w[k]) && w[k+1] == '$' {
		k += 2
	}
	for k < len(w) && strings.IndexByte("-+# 0", w[k]) >= 0 {
		k++
	}
	for k < len(w) && (isDigitByte(w[k]) || w[k] == '.') {
		k++
	}
	if k < len(w) && strings.IndexByte("sdvfgeExXqtbcoUpT", w[k]) >= 0 {
		if k+1 < len(w) && isLetterByte(w[k+1]) {
			return 0 // %sth: not a verb
		}
		return k + 1
	}
	return 0
}

// asciiForms reports whether the bytes forms stands for are all typed in
// ASCII. A placeholder is: with a full-width mark in it, it is none, and
// the mark is punctuation for the rules. 中{0. } became 中{0。}, which the
// next pass must not read as the placeholder {0.}, whose protected brace
// would take a CJK space.
func asciiForms(forms []byte) bool {
	for _, f := range forms {
		if f != 0 {
			return false
		}
	}
	return true
}

// braceName reports whether b, the inside of {…}, is a placeholder name:
// empty, digits, or an identifier.
func braceName(b []byte) bool {
	for _, c := range b {
		if !isAlnumByte(c) && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// abbreviation returns the start of the abbreviation that the period at
// w[k] ends (e.g., Mr., vs., U.S.), or -1.
func abbreviation(w []byte, k int) int {
	s := k
	for s > 0 && isLetterByte(w[s-1]) {
		s--
	}
	if s == k {
		return -1
	}
	word := w[s:k]
	if s > 1 && w[s-1] == '.' && isLetterByte(w[s-2]) {
		// e.g., i.e., U.S., Ph.D.: every part one or two letters.
		for {
			if k-s > 2 {
				return -1
			}
			if !(s > 1 && w[s-1] == '.' && isLetterByte(w[s-2])) {
				break
			}
			k = s - 1
			s = k
			for s > 0 && isLetterByte(w[s-1]) {
				s--
			}
		}
		if s > 0 && (isAlnumByte(w[s-1]) || w[s-1] == '@' || w[s-1] == '.') {
			return -1
		}
		return s
	}
	if s > 0 && isAlnumByte(w[s-1]) {
		return -1
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return s // an initial: J. R. R. Tolkien
	}
	if len(word) <= 6 {
		var lower [6]byte
		for i, c := range word {
			lower[i] = c | 0x20
		}
		if abbreviations[string(lower[:len(word)])] {
			return s
		}
	}
	return -1
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"no": true, "fig": true, "al": true, "cf": true, "approx": true, "dept": true, "est": true,
	"vol": true, "pp": true, "ed": true, "eds": true, "viz": true, "ca": true, "resp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnumByte(c byte) bool  { return isDigitByte(c) || isLetterByte(c) }

// protectTemplates marks template actions and shortcodes — {{ .Title }},
// {{< quote author="一位名人" >}}, {% include x.html %} — whole, spaces,
// quotes and CJK included: converting a quote inside one breaks the site.
func (st *state) protectTemplates(ts []tok) {
	for _, kind := range [2]rune{'{', '%'} {
		for i := 0; i+1 < len(ts); i++ {
			if ts[i].r != '{' || ts[i+1].r != kind || !plain(ts[i]) {
				continue
			}
			end := closeTemplate(ts, i+2, kind)
			if end < 0 {
				break // no closer after i, so none after any later opener
			}
			for k := i; k < end; k++ {
				ts[k].flag |= fProt
			}
			i = end - 1
		}
	}
}

// closeTemplate returns the end of the first }} (kind '{') or %} (kind
// '%') at or after i, or -1.
func closeTemplate(ts []tok, i int, kind rune) int {
	c := kind
	if c == '{' {
		c = '}'
	}
	for ; i+1 < len(ts); i++ {
		if ts[i].r == c && ts[i+1].r == '}' && ts[i].src >= 0 && ts[i+1].src >= 0 {
			return i + 2
		}
	}
	return -1
}

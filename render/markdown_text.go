package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A textEnv is what escaping a text needs to know about its place.
type textEnv struct {
	ctx       context
	prev      rune // the character written before the text
	lineStart bool // the text starts a line
	more      bool // an inline follows the text
	newlines  bool // a newline in the text is a space (a soft line break)
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
		if s[2] == 'x' || s[2] == 'X' {
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

// textSpecial marks the bytes appendEscaped must look at; every other
// byte is copied as it is, in runs. h, f and w may start a URL or a www.
// address (see linkifyBreak).
var textSpecial = [256]bool{
	'\\': true, '`': true, '*': true, '[': true, ']': true, '~': true,
	'_': true, '&': true, '<': true, '!': true, '|': true, '@': true,
	'h': true, 'f': true, 'w': true,
}

// isURLStart marks the letters textSpecial holds because a URL or a www.
// address may start with them.
var isURLStart = [256]bool{'h': true, 'f': true, 'w': true}

// textSpecialNewline is textSpecial for a text whose newlines are spaces.
var textSpecialNewline = func() [256]bool {
	t := textSpecial
	t['\n'] = true
	return t
}()

// appendEscaped appends s to b escaped so that it reads back as the same
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
func appendEscaped(b []byte, s string, env textEnv) []byte {
	// The scan below checks that s is valid UTF-8 as it goes; at the
	// first bad byte it starts again on a copy with U+FFFD in place.
	start := len(b)
	special, blanks := &textSpecial, " \t"
	if env.newlines {
		// A newline is written as the space it stands for: every rule
		// below treats the two alike, but for what is written.
		special, blanks = &textSpecialNewline, " \t\n"
	}
	i := 0
	breakAt := -1 // the offset of a character escaped to stop an autolink
	if env.lineStart {
		for ; i < len(s) && strings.IndexByte(blanks, s[i]) >= 0; i++ {
			if s[i] != '\t' {
				b = append(b, "&#32;"...)
			} else {
				b = append(b, "&#9;"...)
			}
		}
		if i < len(s) && env.ctx == ctxPara {
			switch c := s[i]; {
			case strings.IndexByte("#>-+=:|", c) >= 0:
				b = append(b, '\\')
			case c == '{' && isHighlightTag(s[i:], blanks):
				// Parse reads a line that opens a Jekyll highlight block
				// (see article's body_liquid.go) as the start of code.
				b = append(b, '\\')
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
		// Skip what needs no look, up to the last byte or an escape
		// planned ahead, in a loop that does nothing else.
		end := len(s) - 1
		if breakAt >= i && breakAt < end {
			end = breakAt
		}
		for i < end {
			if c := s[i]; c < utf8.RuneSelf {
				if special[c] && !(isURLStart[c] && s[i+1] != 't' && s[i+1] != 'w') {
					break // (an h, f or w not followed by t or w starts no URL)
				}
				i++
			} else if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
				i += 3 // validRuneLen's common case, written out here
			} else if n := validRuneLen(s, i); n > 0 {
				i += n
			} else {
				return appendEscaped(b[:start], replaceInvalid(s), env)
			}
		}
		if i >= len(s) {
			break // a rune ended the text
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			// The last byte of s, unchecked (and invalid: no rune of 0x80
			// or more is one byte long).
			n := validRuneLen(s, i)
			if n == 0 {
				return appendEscaped(b[:start], replaceInvalid(s), env)
			}
			i += n - 1
			continue
		}
		last := i+1 == len(s)
		if !special[c] && i != breakAt && !(c == ' ' && last) {
			continue
		}
		escape := false
		switch c {
		case '\n':
			b = append(b, s[from:i]...)
			if last && !env.more {
				b = append(b, "&#32;"...) // see the space below
			} else {
				b = append(b, ' ')
			}
			from = i + 1
			continue
		case 'h', 'f', 'w':
			// goldmark tries autolinks at the start of every text, not
			// only after the characters it names as triggers.
			// http, https, ftp and www have t or w second: most words
			// are let go without a call.
			if i+1 < len(s) && (s[i+1] == 't' || s[i+1] == 'w') {
				if k := linkifyBreak(s[i:]); k >= 0 && breakAt < i && (i == 0 || isLinkifyTrigger(lastRuneOf(s[:i]))) {
					breakAt = i + k
				}
			}
		case '\\':
			if last && env.more {
				// goldmark reads \\\ before a line end as a literal
				// backslash and no hard break.
				b = append(b, s[from:i]...)
				b = append(b, "&#92;"...)
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
			b = append(b, s[from:i]...)
			b = append(b, '\\')
			from = i
		}
		// Spaces at the end of a line are dropped by the parser.
		if c == ' ' && last && !env.more {
			b = append(b, s[from:i]...)
			b = append(b, "&#32;"...)
			from = i + 1
		}
	}
	return append(b, s[from:]...)
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

// isHighlightTag reports whether s starts with the opening of a Liquid
// highlight tag: {%, an optional -, blanks, "highlight", and a blank,
// where the blanks are bytes of blanks (a space and a tab, and a newline
// in a text whose newlines are spaces).
func isHighlightTag(s, blanks string) bool {
	if !strings.HasPrefix(s, "{%") {
		return false
	}
	s = strings.TrimPrefix(s[2:], "-")
	s = strings.TrimLeft(s, blanks)
	return strings.HasPrefix(s, "highlight") && len(s) > len("highlight") && strings.IndexByte(blanks, s[len("highlight")]) >= 0
}

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

// emailLocal holds the characters of an e-mail address's local part,
// letters and digits included, as goldmark's autolink extension reads
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

// isAutolinkURI reports whether s can be written as a CommonMark URI
// autolink, <s>: a scheme of 2 to 32 letters, digits, + . or - starting
// with a letter, a colon, and no space, control character, < or >.
func isAutolinkURI(s string) bool {
	if s == "" || !isASCIILetter(s[0]) {
		return false
	}
	i := 1
	for i < len(s) && (isASCIIAlnum(s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-') {
		i++
	}
	if i < 2 || i > 32 || i == len(s) || s[i] != ':' {
		return false
	}
	for i++; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == '<' || c == '>' {
			return false
		}
	}
	return true
}

// isAutolinkEmail reports whether s can be written as a CommonMark e-mail
// autolink, <s>: a local part of letters, digits and the characters of
// emailLocal, an @, and a domain of dot-separated labels of 1 to 63
// letters, digits and hyphens that neither start nor end with a hyphen.
func isAutolinkEmail(s string) bool {
	i := 0
	for i < len(s) && strings.IndexByte(emailLocal, s[i]) >= 0 {
		i++
	}
	if i == 0 || i == len(s) || s[i] != '@' {
		return false
	}
	for domain, more := s[i+1:], true; more; {
		var label string
		label, domain, more = strings.Cut(domain, ".")
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for j := 0; j < len(label); j++ {
			if !isASCIIAlnum(label[j]) && label[j] != '-' {
				return false
			}
		}
	}
	return true
}

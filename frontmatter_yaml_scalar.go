package article

import (
	"strings"
	"unicode/utf8"
)

// plainStart reports whether s can start a plain scalar that the fast
// decoder reads: no indicator, and a dash only before a character that
// keeps it text.
func plainStart(s string) bool {
	switch s[0] {
	case '-':
		if len(s) < 2 {
			return false
		}
		switch s[1] {
		case ' ', '\t', ',', '[', ']', '{', '}':
			return false
		}
		return true
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\t':
		return false
	}
	return true
}

// plainEnd returns the offset where the plain scalar starting at off
// ends, before trailing spaces and a comment; ok is false where yaml.v3
// would read more than a scalar: ": " in it, or in a flow list a
// bracket, brace or question mark, or a colon before one.
func plainEnd(s string, off, lineEnd int, flow bool) (end int, ok bool) {
	for i := off; i < lineEnd; {
		switch s[i] {
		case ':':
			// Before a blank or the line's end a colon starts a value
			// (a map); before anything else it is text, as in a URL or
			// a time, except that in a flow list one before a flow
			// indicator is left to yaml.v3.
			if i+1 == lineEnd || isBlank(s[i+1]) || flow && isFlowIndicator(s[i+1]) {
				return 0, false
			}
		case ' ', '\t':
			j := yamlSkipBlanks(s, i, lineEnd)
			if j == lineEnd {
				return i, true
			}
			if s[j] == '#' {
				if flow {
					return 0, false // a comment inside an open flow list
				}
				return i, true
			}
			if flow && (s[j] == ',' || s[j] == ']') {
				return i, true
			}
			i = j
			continue
		case ',', ']':
			if flow {
				return i, true
			}
		case '[', '{', '}', '?':
			if flow {
				return 0, false
			}
		}
		i++
	}
	return lineEnd, true
}

// singleQuoted reads the single-quoted scalar whose quote is at offset
// off, closed on the same line; end is the offset after the closing
// quote. Two quotes stand for one.
func singleQuoted(s string, off, lineEnd int) (text string, end int, ok bool) {
	escaped := false
	for i := off + 1; i < lineEnd; {
		j := strings.IndexByte(s[i:lineEnd], '\'')
		if j < 0 {
			break
		}
		j += i
		if j+1 < lineEnd && s[j+1] == '\'' {
			escaped = true
			i = j + 2
			continue
		}
		text = s[off+1 : j]
		if escaped {
			text = strings.ReplaceAll(text, "''", "'")
		}
		return text, j + 1, true
	}
	return "", 0, false // runs onto the next line, or never closes
}

// doubleQuoted reads the double-quoted scalar whose quote is at offset
// off, closed on the same line, with the escapes yaml.v3 knows; end is
// the offset after the closing quote. An escaped line break, an unknown
// escape or an invalid code point declines, so that yaml.v3 reports it.
func doubleQuoted(s string, off, lineEnd int) (text string, end int, ok bool) {
	var buf []byte // nil until the first escape
	start := off + 1
	for i := start; i < lineEnd; {
		switch s[i] {
		case '"':
			if buf == nil {
				return s[start:i], i + 1, true
			}
			return string(append(buf, s[start:i]...)), i + 1, true
		case '\\':
			if i+1 == lineEnd {
				return "", 0, false // an escaped line break
			}
			buf = append(buf, s[start:i]...)
			n, ok := 0, true
			switch c := s[i+1]; c {
			case 'x':
				n = 2
			case 'u':
				n = 4
			case 'U':
				n = 8
			default:
				buf, ok = appendYAMLEscape(buf, c)
			}
			if !ok {
				return "", 0, false
			}
			i += 2
			if n > 0 {
				r, ok := hexRune(s, i, i+n, lineEnd)
				if !ok {
					return "", 0, false
				}
				buf = utf8.AppendRune(buf, r)
				i += n
			}
			start = i
		default:
			i++
		}
	}
	return "", 0, false
}

// appendYAMLEscape appends what the one-character escape \c stands for.
func appendYAMLEscape(buf []byte, c byte) ([]byte, bool) {
	switch c {
	case '0':
		return append(buf, 0), true
	case 'a':
		return append(buf, '\a'), true
	case 'b':
		return append(buf, '\b'), true
	case 't':
		return append(buf, '\t'), true
	case 'n':
		return append(buf, '\n'), true
	case 'v':
		return append(buf, '\v'), true
	case 'f':
		return append(buf, '\f'), true
	case 'r':
		return append(buf, '\r'), true
	case 'e':
		return append(buf, 0x1b), true
	case ' ', '"', '\'', '\\':
		return append(buf, c), true
	case 'N':
		return append(buf, "\u0085"...), true
	case '_':
		return append(buf, "\u00a0"...), true
	case 'L':
		return append(buf, "\u2028"...), true
	case 'P':
		return append(buf, "\u2029"...), true
	}
	return buf, false
}

// hexRune reads the hex digits s[i:j] as a code point; surrogates and
// values past U+10FFFF are refused, as yaml.v3 refuses them.
func hexRune(s string, i, j, lineEnd int) (rune, bool) {
	if j > lineEnd {
		return 0, false
	}
	var r int64 // eight digits overflow a rune
	for ; i < j; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | int64(c)
	}
	if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
		return 0, false
	}
	return rune(r), true
}

// isFlowIndicator reports whether c ends a plain scalar in a flow list.
func isFlowIndicator(c byte) bool {
	switch c {
	case ',', '[', ']', '{', '}':
		return true
	}
	return false
}

package article

import "bytes"

// blockTagNames are the tag names that open an HTML block of type 6, as
// goldmark v1.8.7 lists them (CommonMark 0.31's list plus "search").
var blockTagNames = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true,
	"basefont": true, "blockquote": true, "body": true, "caption": true,
	"center": true, "col": true, "colgroup": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "frame": true, "frameset": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"head": true, "header": true, "hr": true, "html": true, "iframe": true,
	"legend": true, "li": true, "link": true, "main": true, "menu": true,
	"menuitem": true, "meta": true, "nav": true, "noframes": true,
	"ol": true, "optgroup": true, "option": true, "p": true, "param": true,
	"search": true, "section": true, "summary": true, "table": true,
	"tbody": true, "td": true, "tfoot": true, "th": true, "thead": true,
	"title": true, "tr": true, "track": true, "ul": true,
}

// isBlockTagName reports whether an ASCII tag name, in any case, is in
// blockTagNames, without allocating.
func isBlockTagName(name []byte) bool {
	var buf [16]byte
	if len(name) > len(buf) {
		return false
	}
	for i, c := range name {
		buf[i] = asciiLower(c)
	}
	return blockTagNames[string(buf[:len(name)])]
}

// isRawTextName reports whether a tag name is script, style or pre in any
// case: goldmark keeps those (not textarea) from opening a type-7 block.
func isRawTextName(name []byte) bool {
	for _, n := range [...]string{"script", "style", "pre"} {
		if len(name) == len(n) && foldPrefix(name, n) == len(n) {
			return true
		}
	}
	return false
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// type1Names are the raw-text tags that open an HTML block of type 1.
var type1Names = [...]string{"script", "pre", "style", "textarea"}

// type1Name returns the length of the type-1 tag name that b starts with,
// or 0.
func type1Name(b []byte) int {
	for _, n := range type1Names {
		if k := foldPrefix(b, n); k > 0 {
			return k
		}
	}
	return 0
}

// foldPrefix returns how many bytes of b match the lower-case ASCII word
// under Go's (?i) case folding, or 0 when they do not. Besides ASCII case,
// that folding matches s with U+017F ſ and k with U+212A (Kelvin).
func foldPrefix(b []byte, word string) int {
	j := 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case j < len(b) && asciiLower(b[j]) == c:
			j++
		case c == 's' && bytes.HasPrefix(b[j:], []byte("\u017f")):
			j += len("\u017f")
		case c == 'k' && bytes.HasPrefix(b[j:], []byte("\u212a")):
			j += len("\u212a")
		default:
			return 0
		}
	}
	return j
}

// hasType1Close reports whether a line holds the end of a type-1 block:
// </script>, </pre>, </style> or </textarea>, in any case.
func hasType1Close(line []byte) bool {
	for i := 0; ; {
		k := bytes.Index(line[i:], []byte("</"))
		if k < 0 {
			return false
		}
		i += k + 2
		if n := type1Name(line[i:]); n > 0 && i+n < len(line) && line[i+n] == '>' {
			return true
		}
	}
}

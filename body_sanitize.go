package article

import "strings"

// This file holds the body's security rules: which URLs may reach an
// Article. Which elements never do (scripts, styles, plug-ins, forms, SVG,
// MathML) is decided in body_html.go; no attribute other than href, src,
// alt and title (and the class, align and style used to read a code
// language or a column alignment) is ever read, so no event handler
// survives.

// cleanURL returns the URL u as it may be kept in a Link or Image, and
// false if it must be dropped: javascript:, vbscript: and data: URLs,
// except, for an image (img is set), data:image/png, gif, jpeg and webp.
// u is already entity-decoded. The scheme is read the way a browser reads
// it, ignoring case and the whitespace and control characters it would
// strip or skip. Tabs and newlines, which a browser removes from URLs, are
// removed; so are leading and trailing spaces and control characters.
func cleanURL(u string, img bool) (string, bool) {
	if strings.ContainsAny(u, "\t\n\r") { // seldom: spare most URLs the rune loop
		u = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, u)
	}
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' || r == 0x7f })
	scheme := schemeOf(u)
	switch scheme {
	case "javascript", "vbscript", "livescript", "mocha":
		return "", false
	case "data":
		if !img {
			return "", false
		}
		// Read the media type with the same folding as the scheme.
		var b strings.Builder
		for _, r := range u {
			if r <= ' ' || r == 0x7f {
				continue
			}
			b.WriteRune(r)
			if b.Len() > 32 {
				break
			}
		}
		t := strings.ToLower(b.String())
		for _, ok := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
			if strings.HasPrefix(t, ok) && len(t) > len(ok) && (t[len(ok)] == ';' || t[len(ok)] == ',') {
				return u, true
			}
		}
		return "", false
	}
	return u, true
}

// schemeOf returns the lower-cased scheme of u, ignoring whitespace and
// control characters anywhere before the colon, or "" if u has none.
func schemeOf(u string) string {
	if s, ok := plainScheme(u); ok {
		return s
	}
	return fullScheme(u)
}

// fullScheme is schemeOf without plainScheme's fast path.
func fullScheme(u string) string {
	var b strings.Builder
	for _, r := range u {
		switch {
		case r <= ' ' || r == 0x7f:
			continue
		case r == ':':
			return strings.ToLower(b.String())
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '+', r == '-', r == '.':
			b.WriteRune(r)
			if b.Len() > 32 {
				return ""
			}
		default:
			return ""
		}
	}
	return ""
}

// plainScheme is schemeOf for the usual URL, whose scheme is written in
// lower case without spaces or control characters, or none: it returns
// the scheme without building a copy. ok is false for any other URL.
func plainScheme(u string) (scheme string, ok bool) {
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c == ':':
			if i > 32 {
				return "", true
			}
			return u[:i], true
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '-', c == '.':
		default:
			return "", false
		}
	}
	return "", true
}

// isWebURL reports whether u is an http, https or protocol-relative URL,
// the only sources an iframe, video, audio or embed may keep (as a link).
func isWebURL(u string) bool {
	s := schemeOf(u)
	return s == "http" || s == "https" || (s == "" && strings.HasPrefix(u, "//"))
}

// cleanAttrText returns an alt or title text as kept: runs of ASCII
// whitespace collapsed to one space, and trimmed.
func cleanAttrText(s string) string {
	if isCleanAttrText(s) {
		return s
	}
	return collapseAttrText(s)
}

// collapseAttrText is cleanAttrText without isCleanAttrText's fast path.
func collapseAttrText(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) }), " ")
}

// isCleanAttrText reports whether cleanAttrText would return s as it is:
// its only white space is single spaces between other characters.
func isCleanAttrText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; isSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

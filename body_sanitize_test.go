package article

import (
	"strings"
	"testing"
)

// slowScheme and slowAttrText are schemeOf and cleanAttrText without
// their fast paths, which must not change what they return.
func slowScheme(u string) string {
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

func slowAttrText(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && isSpace(byte(r)) }), " ")
}

var sanitizeSeeds = []string{
	"", "https://x", "HTTPS://x", " javascript:x", "java\tscript:x", "data:image/png;base64,",
	"//x", "/a:b", "a b:c", ":x", "mailto:a@b", strings.Repeat("a", 32) + ":x",
	strings.Repeat("a", 33) + ":x", "x+y.z-w:q", "\x00http:x", "é:x", "title", " a", "a ",
	"a  b", "a\tb", "a b c", "a\nb", "\u00a0a", "a \xff b", "  ", " ",
}

func TestSanitizeFastPaths(t *testing.T) {
	for _, s := range sanitizeSeeds {
		checkSanitizeFastPaths(t, s)
	}
}

func FuzzSanitizeFastPaths(f *testing.F) {
	for _, s := range sanitizeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkSanitizeFastPaths)
}

func checkSanitizeFastPaths(t *testing.T, s string) {
	if got, want := schemeOf(s), slowScheme(s); got != want {
		t.Errorf("schemeOf(%q) = %q, want %q", s, got, want)
	}
	if got, want := cleanAttrText(s), slowAttrText(s); got != want {
		t.Errorf("cleanAttrText(%q) = %q, want %q", s, got, want)
	}
}

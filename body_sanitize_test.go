package article

import (
	"strings"
	"testing"
)

var sanitizeSeeds = []string{
	"", "https://x", "HTTPS://x", " javascript:x", "java\tscript:x", "data:image/png;base64,",
	"//x", "/a:b", "a b:c", ":x", "mailto:a@b", strings.Repeat("a", 32) + ":x",
	strings.Repeat("a", 33) + ":x", "x+y.z-w:q", "\x00http:x", "é:x", "title", " a", "a ",
	"a  b", "a\tb", "a b c", "a\nb", "\u00a0a", "a \xff b", "  ", " ",
}

// TestSanitizeFastPaths holds schemeOf and cleanAttrText to their full
// paths (fullScheme, collapseAttrText): the fast paths must not change
// what they return.
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
	if got, want := schemeOf(s), fullScheme(s); got != want {
		t.Errorf("schemeOf(%q) = %q, want %q", s, got, want)
	}
	if got, want := cleanAttrText(s), collapseAttrText(s); got != want {
		t.Errorf("cleanAttrText(%q) = %q, want %q", s, got, want)
	}
}

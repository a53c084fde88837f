package render

import (
	"bytes"
	"encoding/json"
	"html"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/articlekit/article"
)

// The renderer's hand-written matchers and escapers stand in for
// regular expressions and library calls that cost too much on the hot
// path. These tests hold them to what they replace, over random strings
// built from the pieces that matter to each.

// randomString joins 0 to 5 pieces picked from pieces.
func randomString(r *rand.Rand, pieces []string) string {
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

var (
	autolinkRE     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*$`)
	emailRE        = regexp.MustCompile(`^[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$`)
	highlightTagRE = regexp.MustCompile(`^\{%-?[ \t]*highlight[ \t]`)
)

func TestMatchersAgreeWithRegexps(t *testing.T) {
	pieces := []string{"a", "Z", "0", "9", "+", ".", "-", ":", "@", "_", "<", ">", " ", "\t", "\x00", "\x7f", "中", "\xff",
		"http", "mailto:", "x", "abcdefghijklmnop", strings.Repeat("a", 31), strings.Repeat("b", 62), "{%", "%}", "highlight", "{"}
	r := rand.New(rand.NewPCG(3, 4))
	var matches [3]int
	for range 200000 {
		s := randomString(r, pieces)
		if autolinkRE.MatchString(s) {
			matches[0]++
		}
		if emailRE.MatchString(s) {
			matches[1]++
		}
		if highlightTagRE.MatchString(s) {
			matches[2]++
		}
		if got, want := isAutolinkURI(s), autolinkRE.MatchString(s); got != want {
			t.Errorf("isAutolinkURI(%q) = %v, want %v", s, got, want)
		}
		if got, want := isAutolinkEmail(s), emailRE.MatchString(s); got != want {
			t.Errorf("isAutolinkEmail(%q) = %v, want %v", s, got, want)
		}
		if got, want := isHighlightTag(s, " \t"), highlightTagRE.MatchString(s); got != want {
			t.Errorf("isHighlightTag(%q) = %v, want %v", s, got, want)
		}
	}
	if matches[0] == 0 || matches[1] == 0 || matches[2] == 0 {
		t.Errorf("matches of the URI, e-mail and highlight expressions: %v; want some of each", matches)
	}
}

func TestEscapersAgreeWithLibraries(t *testing.T) {
	pieces := []string{"a", "中文", "\"", "\\", "<", ">", "&", "'", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"\u2028", "\u2029", "\xff", "\xe4\xb8", "\U0001F600", " ", "\xe2\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xc0\x80",
		"\xc2", "é", "“", "\u2027", "\u202a", "\xef\xbf\xbf", "\xf4\x90\x80\x80"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		s := randomString(r, pieces)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got := appendJSONString(nil, s); string(got)+"\n" != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
		if got, want := string(appendHTMLEscaped(nil, s)), html.EscapeString(s); got != want {
			t.Errorf("appendHTMLEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestIsJSONNumber(t *testing.T) {
	pieces := []string{"0", "1", "9", "-", "+", ".", "e", "E", " ", "\t", "\n", "x", "00"}
	r := rand.New(rand.NewPCG(7, 8))
	numbers := 0
	for range 100000 {
		s := randomString(r, pieces)
		var n json.Number
		want := s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') && json.Unmarshal([]byte(s), &n) == nil
		if want {
			numbers++
		}
		if got := isJSONNumber(s); got != want {
			t.Errorf("isJSONNumber(%q) = %v, want %v", s, got, want)
		}
	}
	if numbers == 0 {
		t.Error("no random string was a number")
	}
}

// TestIsYAMLTimestamp holds isYAMLTimestamp, which tries one layout, to
// yaml.v3's parseTimestamp, which tries them all.
func TestIsYAMLTimestamp(t *testing.T) {
	pieces := []string{"2022", "-", "01", "1", "23", "T", "t", " ", "  ", ":", "20", "41", "05", ".5", ",5", "Z", "+08:00",
		"-07:00", "+0800", "x", "12", "31", "2"}
	r := rand.New(rand.NewPCG(9, 10))
	stamps := 0
	for range 200000 {
		s := randomString(r, pieces)
		if r.IntN(2) == 0 {
			s = "2022-" + s
		}
		want := false
		if len(s) > 4 && s[4] == '-' && strings.Trim(s[:4], "0123456789") == "" {
			for _, layout := range yamlTimestampLayouts {
				if _, err := time.Parse(layout, s); err == nil {
					want = true
				}
			}
		}
		if want {
			stamps++
		}
		if got := isYAMLTimestamp(s); got != want {
			t.Errorf("isYAMLTimestamp(%q) = %v, want %v", s, got, want)
		}
	}
	if stamps == 0 {
		t.Error("no random string was a timestamp")
	}
}

// TestValidTOMLScalar holds validTOMLScalar's shortcuts to go-toml.
func TestValidTOMLScalar(t *testing.T) {
	pieces := []string{"0", "1", "9", "00", "-", "+", "true", "false", "e", ".", "_", "x", "1234567890", " "}
	kinds := []article.Kind{article.KindInt, article.KindFloat, article.KindBool, article.KindTime}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		v := article.Value{Kind: kinds[r.IntN(len(kinds))], Text: randomString(r, pieces)}
		if v.Text == "" {
			continue
		}
		if got, want := validTOMLScalar(v), tomlReadsAs(v); got != want {
			t.Errorf("validTOMLScalar(%s %q) = %v, want %v", v.Kind, v.Text, got, want)
		}
	}
}

// destinationSpec is appendDestination written plainly: in angle
// brackets when href is empty or holds a space, a tab, < or > or a
// control character, and with \ < > escaped, ( ) escaped outside angle
// brackets, an entity's & escaped, and CR and LF percent-encoded.
func destinationSpec(href string) string {
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

func TestDestination(t *testing.T) {
	pieces := []string{"a", "/", " ", "\t", "<", ">", "(", ")", "\\", "&", "&amp;", "&#1;", "\n", "\r", "\x00", "\x1f", "\x7f",
		"\u0080", "\u009f", "\u00a0", "\xc2", "\x80", "\xff", "中"}
	r := rand.New(rand.NewPCG(13, 14))
	for range 100000 {
		s := randomString(r, pieces)
		if got, want := string(appendDestination([]byte("x"), s)), "x"+destinationSpec(s); got != want {
			t.Errorf("appendDestination(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestEscapedInvalidUTF8 checks that appendEscaped, which checks UTF-8
// as it scans, writes a text with bad bytes as it writes the text with
// U+FFFD in their place.
func TestEscapedInvalidUTF8(t *testing.T) {
	pieces := []string{"a", "中文", "“", "\xff", "\xe4\xb8", "\xe4", "\xc2", "\xed\xa0\x80", "\xf0\x9f\x98", "😀", "*", "_", "h", "http:", "1.", " "}
	r := rand.New(rand.NewPCG(15, 16))
	for range 100000 {
		s := randomString(r, pieces)
		env := textEnv{prev: ' ', lineStart: r.IntN(2) == 0, more: r.IntN(2) == 0}
		got := string(appendEscaped([]byte("x"), s, env))
		want := "x" + string(appendEscaped(nil, replaceInvalid(s), env))
		if got != want {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestEscapedNewlines checks that a text whose newlines are spaces is
// written as the text with spaces in their place.
func TestEscapedNewlines(t *testing.T) {
	pieces := []string{"a", "中", "\n", " ", "\t", "_", "*", "h", "http:", "www.", "{%", "-", "highlight", "1", ".", "<", "a@", "b", "{{", ">}}", "&amp;", "!", "\\", "#", "\xff"}
	r := rand.New(rand.NewPCG(19, 20))
	for range 200000 {
		s := randomString(r, pieces)
		env := textEnv{ctx: context(r.IntN(3)), prev: ' ', lineStart: r.IntN(2) == 0, more: r.IntN(2) == 0}
		want := string(appendEscaped(nil, strings.ReplaceAll(s, "\n", " "), env))
		env.newlines = true
		if got := string(appendEscaped(nil, s, env)); got != want {
			t.Errorf("appendEscaped(%q, %+v) = %q, want %q", s, env, got, want)
		}
	}
}

func TestFenceLen(t *testing.T) {
	pieces := []string{"a", " ", "  ", "\n", "`", "``", "```", "````", "~~~", "~"}
	r := rand.New(rand.NewPCG(21, 22))
	for range 100000 {
		s := randomString(r, pieces)
		for _, c := range []byte{'`', '~'} {
			want := 3
			for _, line := range strings.Split(s, "\n") {
				line = strings.TrimLeft(line, " ")
				run := len(line) - len(strings.TrimLeft(line, string(c)))
				if run >= want {
					want = run + 1
				}
			}
			if got := fenceLen(s, c); got != want {
				t.Errorf("fenceLen(%q, %q) = %d, want %d", s, c, got, want)
			}
		}
	}
}

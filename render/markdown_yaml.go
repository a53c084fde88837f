package render

import (
	"strings"
	"unicode/utf8"

	"github.com/articlekit/article"
)

// YAML front matter without yaml.v3's encoder. Building an encoder costs
// more than the rest of an article's rendering, and nearly every front
// matter is a map of plain scalars and short lists. appendYAMLFast writes
// those exactly as the encoder does (indent 2, no line width) and gives
// up on anything else, which appendYAML then hands to yaml.v3: the rules
// below and in markdown_yaml_resolve.go are the encoder's
// (go.yaml.in/yaml/v3: resolve.go, encode.go's node and emitterc.go's
// yaml_emitter_analyze_scalar and yaml_emitter_select_scalar_style), kept
// only as far as they decide the common cases, and the tests compare the
// two writers.

// appendYAMLFast appends fields as a block mapping indented by indent
// spaces, as yaml.v3 would, and reports whether it could; when it could
// not, it returns b as it was.
func appendYAMLFast(b []byte, fields []article.Field, indent int) ([]byte, bool) {
	orig := b
	for _, f := range fields {
		// A key is a simple key: written plain, and at most 128 bytes
		// (yaml_emitter_check_simple_key).
		if len(f.Key) > 128 || !utf8.ValidString(f.Key) {
			return orig, false
		}
		if yamlResolve(f.Key) != "!!str" {
			return orig, false
		}
		if plain, _, breaks := yamlAnalyze(f.Key); !plain || breaks || f.Key == "" {
			return orig, false
		}
		b = appendSpaces(b, indent)
		b = append(b, f.Key...)
		b = append(b, ':')
		switch v := f.Value; v.Kind {
		case article.KindMap:
			if len(v.Map) == 0 {
				b = append(b, " {}\n"...)
				continue
			}
			b = append(b, '\n')
			var ok bool
			if b, ok = appendYAMLFast(b, v.Map, indent+2); !ok {
				return orig, false
			}
		case article.KindList:
			if len(v.List) == 0 {
				b = append(b, " []\n"...)
				continue
			}
			b = append(b, '\n')
			for _, e := range v.List {
				if e.Kind == article.KindMap || e.Kind == article.KindList {
					return orig, false
				}
				b = appendSpaces(b, indent+2)
				b = append(b, '-')
				var ok bool
				if b, ok = appendYAMLScalar(b, e); !ok {
					return orig, false
				}
				b = append(b, '\n')
			}
		default:
			var ok bool
			if b, ok = appendYAMLScalar(b, v); !ok {
				return orig, false
			}
			b = append(b, '\n')
		}
	}
	return b, true
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

// appendYAMLScalar appends a scalar after the indicator before it (a key's
// ':' or an item's '-'), with the space between, and reports whether it
// could. A scalar whose text resolves to its own kind is written untagged
// and plain, or single-quoted for a string that cannot be plain; a string
// that would resolve to another kind is double-quoted.
func appendYAMLScalar(b []byte, v article.Value) ([]byte, bool) {
	tag, ok := yamlTags[v.Kind]
	if !ok {
		tag = "!!str"
	}
	s := v.Text
	if !utf8.ValidString(s) {
		return b, false
	}
	rtag := yamlResolve(s)
	plain, single, breaks := yamlAnalyze(s)
	if breaks {
		return b, false // a literal block, or escapes
	}
	switch {
	case rtag == tag && plain:
		if s != "" {
			b = append(b, ' ')
			b = append(b, s...)
		}
	case rtag == tag && tag == "!!str" && single:
		b = append(b, " '"...)
		for i := 0; i < len(s); i++ {
			if s[i] == '\'' {
				b = append(b, '\'')
			}
			b = append(b, s[i])
		}
		b = append(b, '\'')
	case rtag != tag && tag == "!!str" && !yamlNeedsEscape(s):
		b = append(b, ` "`...)
		b = append(b, s...)
		b = append(b, '"')
	default:
		return b, false // tagged, or quoted with escapes
	}
	return b, true
}

// yamlAnalyze is yaml_emitter_analyze_scalar for a valid UTF-8 scalar in
// block context: whether it may be written plain or single-quoted, and
// whether it holds a line break.
func yamlAnalyze(s string) (plain, single, breaks bool) {
	if s == "" || yamlPlainAtOnce(s) {
		return true, true, false
	}
	return yamlAnalyzeRunes(s)
}

// yamlAnalyzeRunes is yamlAnalyze rune by rune.
func yamlAnalyzeRunes(s string) (plain, single, breaks bool) {
	indicators := strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...")
	var special, leadingSpace, trailingSpace, breakSpace, spaceBreak, prevSpace, prevBreak bool
	precededByBlank := true
	for i, w := 0, 0; i < len(s); i += w {
		w = utf8RuneLen(s[i])
		c := s[i]
		followedByBlank := i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\t'
		switch {
		case i == 0 && strings.IndexByte("#,[]{}&*!|>'\"%@`", c) >= 0:
			indicators = true
		case i == 0 && (c == '?' || c == '-') && followedByBlank:
			indicators = true
		case c == ':' && followedByBlank:
			indicators = true
		case i > 0 && c == '#' && precededByBlank:
			indicators = true
		}
		if !yamlPrintable(s, i) || c == '\t' {
			special = true // a tab forbids the same styles
		}
		if c == ' ' {
			leadingSpace = leadingSpace || i == 0
			trailingSpace = i+1 == len(s)
			breakSpace = breakSpace || prevBreak
			prevSpace, prevBreak = true, false
		} else if yamlBreak(s, i) {
			breaks = true
			spaceBreak = spaceBreak || prevSpace
			prevSpace, prevBreak = false, true
		} else {
			prevSpace, prevBreak = false, false
		}
		precededByBlank = c == ' ' || c == '\t' || c == 0 || yamlBreak(s, i)
	}
	single = !breakSpace && !spaceBreak && !special
	plain = single && !leadingSpace && !trailingSpace && !breaks && !indicators
	return plain, single, breaks
}

func utf8RuneLen(c byte) int {
	switch {
	case c&0x80 == 0:
		return 1
	case c&0xE0 == 0xC0:
		return 2
	case c&0xF0 == 0xE0:
		return 3
	case c&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// yamlBoring marks the bytes that, inside a scalar, change nothing
// yamlAnalyze decides: printable ASCII (: and # only where they start no
// indicator, see yamlPlainAtOnce), UTF-8 continuation bytes, and the
// lead bytes of printable characters that are no line break: U+00C0 to
// U+1FFF, U+2000 to U+2FFF but for U+2028 and U+2029, U+3000 to U+CFFF,
// U+E000 to U+EFFF, and U+F000 to U+FFFF but for the byte order mark,
// U+FFFE and U+FFFF (the exceptions are checked apart).
var yamlBoring = func() (t [256]bool) {
	for c := 0x20; c <= 0x7e; c++ {
		t[c] = true
	}
	for c := 0x80; c <= 0xbf; c++ {
		t[c] = true
	}
	for c := 0xc3; c <= 0xec; c++ {
		t[c] = true
	}
	t[0xee], t[0xef] = true, true
	return t
}()

// yamlPlainAtOnce reports, for a valid UTF-8 s that is not empty, that
// yamlAnalyze would find it plain, single-quotable and without breaks
// because every byte is boring (see yamlBoring), it starts with no
// indicator and no space, holds no ": " and no " #", and does not end in
// a space or a colon. A false answer says nothing.
func yamlPlainAtOnce(s string) bool {
	if strings.IndexByte("#,[]{}&*!|>'\"%@`?-. ", s[0]) >= 0 || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case !yamlBoring[c]:
			return false
		case c == ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case c == '#':
			if s[i-1] == ' ' { // i > 0: s does not start with #
				return false
			}
		case c == 0xe2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return false // U+2028 or U+2029, line breaks to YAML
			}
		case c == 0xef:
			if i+2 < len(s) && (s[i+1] == 0xbb && s[i+2] == 0xbf || s[i+1] == 0xbf && s[i+2] >= 0xbe) {
				return false // the byte order mark, U+FFFE or U+FFFF
			}
		}
	}
	return true
}

// yamlPrintable is yaml.v3's is_printable: a line feed, printable ASCII,
// or a character up to U+FFFD other than C1 controls, surrogates, the
// byte order mark and U+FFFE; nothing beyond the BMP.
func yamlPrintable(s string, i int) bool {
	c := s[i]
	switch {
	case c == '\n' || c >= 0x20 && c <= 0x7e:
		return true
	case c == 0xc2:
		return s[i+1] >= 0xa0
	case c > 0xc2 && c < 0xed, c == 0xee:
		return true
	case c == 0xed:
		return s[i+1] < 0xa0
	case c == 0xef:
		return !(s[i+1] == 0xbb && s[i+2] == 0xbf) && !(s[i+1] == 0xbf && (s[i+2] == 0xbe || s[i+2] == 0xbf))
	}
	return false
}

// yamlBreak is yaml.v3's is_break: CR, LF, NEL, LS or PS.
func yamlBreak(s string, i int) bool {
	switch s[i] {
	case '\r', '\n':
		return true
	case 0xc2:
		return s[i+1] == 0x85
	case 0xe2:
		return s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9)
	}
	return false
}

// yamlNeedsEscape reports whether a double-quoted s needs an escape.
func yamlNeedsEscape(s string) bool {
	for i := 0; i < len(s); i += max(utf8RuneLen(s[i]), 1) {
		if c := s[i]; c == '"' || c == '\\' || !yamlPrintable(s, i) || yamlBreak(s, i) {
			return true
		}
	}
	return false
}

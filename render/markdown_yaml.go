package render

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/articlekit/article"
)

// YAML front matter without yaml.v3's encoder. Building an encoder costs
// more than the rest of an article's rendering, and nearly every front
// matter is a map of plain scalars and short lists. appendYAMLFast writes
// those exactly as the encoder does (indent 2, no line width) and gives
// up on anything else, which appendYAML then hands to yaml.v3: the rules
// below are the encoder's (go.yaml.in/yaml/v3: resolve.go, encode.go's
// node and emitterc.go's yaml_emitter_analyze_scalar and
// yaml_emitter_select_scalar_style), kept only as far as they decide the
// common cases, and the tests compare the two writers.

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

// yamlResolve returns the tag yaml.v3 resolves the plain scalar s to.
func yamlResolve(s string) string {
	if s == "" {
		return "!!null"
	}
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
		"+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return "!!merge"
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return "!!float"
		}
		return "!!str"
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if isYAMLTimestamp(s) {
			return "!!timestamp"
		}
		if d := decimalDigits(s); d > 0 && d <= 18 {
			if d == len(s) {
				return "!!int"
			}
			if frac := s[d:]; frac[0] == '.' && len(frac) > 1 && len(frac) <= 18 && strings.Trim(frac[1:], "0123456789") == "" {
				return "!!float"
			}
		}
		if !mayBeYAMLNumber(s) {
			return "!!str"
		}
		return yamlResolveNumber(s)
	}
	return "!!str"
}

// mayBeYAMLNumber reports whether yamlResolveNumber could read s as a
// number, as far as a look at its bytes tells: with its underscores
// dropped, strconv reads numbers of digits, the letters of hex digits
// and of the 0x and 0o prefixes, at most one '.', and signs only first,
// after an exponent's e or after a 0b or 0o prefix. Anything else is a
// string, without strconv's errors to allocate.
func mayBeYAMLNumber(s string) bool {
	dots := 0
	var prev byte // the previous byte other than '_'
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			continue
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F', c == 'x', c == 'X', c == 'o', c == 'O':
		case c == '.':
			dots++
			if dots > 1 {
				return false
			}
		case c == '+' || c == '-':
			if prev != 0 && strings.IndexByte("eEbo", prev) < 0 {
				return false
			}
		default:
			return false
		}
		prev = s[i]
	}
	return true
}

// yamlResolveNumber is the part of yaml.v3's resolve that reads a plain
// scalar starting with a digit or a sign, after the timestamps, with the
// same strconv calls: an int, a float, or else a string.
func yamlResolveNumber(s string) string {
	plain := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if isYAMLStyleFloat(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, p := range [...]struct {
		prefix string
		base   int
	}{{"0b", 2}, {"0o", 8}} {
		if strings.HasPrefix(plain, p.prefix) {
			if _, err := strconv.ParseInt(plain[2:], p.base, 64); err == nil {
				return "!!int"
			}
			if _, err := strconv.ParseUint(plain[2:], p.base, 64); err == nil {
				return "!!int"
			}
		} else if strings.HasPrefix(plain, "-"+p.prefix) {
			if _, err := strconv.ParseInt("-"+plain[3:], p.base, 64); err == nil {
				return "!!int"
			}
		}
	}
	return "!!str"
}

// isYAMLStyleFloat reports whether s matches yaml.v3's yamlStyleFloat,
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func isYAMLStyleFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i < len(s) && s[i] == '.' {
		j := skipDigits(s, i+1)
		if j == i+1 {
			return false
		}
		i = j
	} else {
		j := skipDigits(s, i)
		if j == i {
			return false
		}
		i = j
		if i < len(s) && s[i] == '.' {
			i = skipDigits(s, i+1)
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		j := skipDigits(s, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

// decimalDigits returns the length of the decimal integer at the start
// of s (an optional sign, then 0 alone or digits not starting with 0),
// or 0 when there is none or its digits start with 0 and go on.
func decimalDigits(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i || s[i] == '0' && j > i+1 {
		return 0
	}
	return j
}

// yamlTimestampLayouts are yaml.v3's allowedTimestampFormats, in its
// order.
var yamlTimestampLayouts = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

// isYAMLTimestamp is yaml.v3's parseTimestamp. Only one of its layouts
// can match a given text, told by what follows the date: nothing, T, t
// or spaces. That one alone is tried, and only when the rest holds
// nothing but what the layout can read, since a failed time.Parse
// allocates its error.
func isYAMLTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '-') {
		i++
	}
	var layout int
	switch {
	case i == len(s):
		layout = 3
	case s[i] == 'T' && onlyBytes(s[i+1:], "0123456789:.,Z+-"):
		layout = 0
	case s[i] == 't' && onlyBytes(s[i+1:], "0123456789:.,Z+-"):
		layout = 1
	case s[i] == ' ' && onlyBytes(strings.TrimLeft(s[i:], " "), "0123456789:.,"):
		layout = 2
	default:
		return false
	}
	_, err := time.Parse(yamlTimestampLayouts[layout], s)
	return err == nil
}

// onlyBytes reports whether every byte of s is one of set.
func onlyBytes(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}

// yamlAnalyze is yaml_emitter_analyze_scalar for a valid UTF-8 scalar in
// block context: whether it may be written plain or single-quoted, and
// whether it holds a line break.
func yamlAnalyze(s string) (plain, single, breaks bool) {
	if s == "" {
		return true, true, false
	}
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

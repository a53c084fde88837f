package render

import (
	"strconv"
	"strings"
	"time"
)

// How yaml.v3 resolves a plain scalar (go.yaml.in/yaml/v3's resolve.go):
// the tag its text alone gives it, which decides whether the fast YAML
// writer may write a value plain, must quote it, or must give up.

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
// nothing but what the layout can read (and, after T or t, ends in a
// zone), since a failed time.Parse allocates its error.
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
	case (s[i] == 'T' || s[i] == 't') && onlyBytes(s[i+1:], "0123456789:.,Z+-") && endsInZone(s):
		layout = 0
		if s[i] == 't' {
			layout = 1
		}
	case s[i] == ' ' && onlyBytes(strings.TrimLeft(s[i:], " "), "0123456789:.,"):
		layout = 2
	default:
		return false
	}
	_, err := time.Parse(yamlTimestampLayouts[layout], s)
	return err == nil
}

// endsInZone reports whether s ends as the Z07:00 of a layout can: in Z
// or in a sign and hh:mm.
func endsInZone(s string) bool {
	return strings.HasSuffix(s, "Z") || len(s) >= 6 && (s[len(s)-6] == '+' || s[len(s)-6] == '-')
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

package article

import (
	"strconv"
	"strings"
	"time"
)

// plainYAMLKind gives the kind yaml.v3 resolves a plain (unquoted) scalar
// to, following its resolve.go step by step so that the fast decoder and
// yaml.v3 agree on every input: the same table of words, the same
// strconv calls on the same strings, the same timestamp layouts. What it
// adds are cheap tests that rule a parser out before it is called, so
// that ordinary text costs no failed parse and no allocated error.
func plainYAMLKind(s string) Kind {
	if s == "" {
		return KindNull
	}
	switch s[0] {
	case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return KindBool
		case "~", "null", "Null", "NULL":
			return KindNull
		}
		return KindString // "<<" is a merge key: a string to us
	default:
		return KindString
	}
	switch s {
	case ".nan", ".NaN", ".NAN",
		".inf", ".Inf", ".INF",
		"+.inf", "+.Inf", "+.INF",
		"-.inf", "-.Inf", "-.INF":
		return KindFloat
	}
	if !numberBytesOnly(s) {
		// Every number yaml.v3 accepts is made of these bytes; only a
		// timestamp with a space can hold others, and it starts with a
		// digit.
		if s[0] >= '0' && s[0] <= '9' && isYAMLTimestamp(s) {
			return KindTime
		}
		return KindString
	}
	if s[0] == '.' {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return KindFloat
		}
		return KindString
	}
	if isYAMLTimestamp(s) {
		return KindTime
	}
	plain := s
	if strings.IndexByte(s, '_') >= 0 {
		plain = strings.ReplaceAll(s, "_", "")
	}
	floaty := isYAMLStyleFloat(plain)
	// No integer has a dot, and a string of the float pattern with an
	// exponent is no integer either (the pattern allows no base prefix,
	// so its e is no hex digit): both skip the ParseInt and ParseUint
	// that yaml.v3 tries first and that would fail.
	if strings.IndexByte(plain, '.') < 0 && !(floaty && strings.ContainsAny(plain, "eE")) {
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return KindInt
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return KindInt
		}
	}
	if floaty {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return KindFloat
		}
	}
	// Binary and octal with an explicit prefix, parsed the way yaml.v3
	// does: the digits after the prefix in base 2 or 8, where
	// strconv's own sign handling lets "0b-1" through.
	for _, p := range [...]struct {
		prefix string
		base   int
	}{{"0b", 2}, {"0o", 8}} {
		if rest, ok := strings.CutPrefix(plain, p.prefix); ok {
			if _, err := strconv.ParseInt(rest, p.base, 64); err == nil {
				return KindInt
			}
			if _, err := strconv.ParseUint(rest, p.base, 64); err == nil {
				return KindInt
			}
			return KindString
		}
		if rest, ok := strings.CutPrefix(plain, "-"+p.prefix); ok {
			if _, err := strconv.ParseInt("-"+rest, p.base, 64); err == nil {
				return KindInt
			}
		}
	}
	return KindString
}

// numberBytesOnly reports whether s holds only bytes that strconv's
// number parsers can accept: digits, letters (hex digits, base prefixes,
// exponents, "inf" and "nan"), signs, dots and underscores.
func numberBytesOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c == '+', c == '-', c == '.', c == '_':
		default:
			return false
		}
	}
	return true
}

// isYAMLStyleFloat is yaml.v3's yamlStyleFloat pattern,
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$, by hand.
func isYAMLStyleFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	} else {
		if digits() == 0 {
			return false
		}
		if i < len(s) && s[i] == '.' {
			i++
			digits()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// The layouts yaml.v3 tries for a timestamp.
const (
	yamlTimeT     = "2006-1-2T15:4:5.999999999Z07:00"
	yamlTimeLower = "2006-1-2t15:4:5.999999999Z07:00"
	yamlTimeSpace = "2006-1-2 15:4:5.999999999"
	yamlTimeDate  = "2006-1-2"
)

// isYAMLTimestamp reports whether yaml.v3 reads s as a timestamp: four
// digits and a dash, then one of its layouts. Each layout matches its
// literal characters exactly (a space in a layout matches any run of
// spaces), so the byte that separates date and time picks the only
// layout that can match, and a byte no layout can produce rules them all
// out; the one candidate left is tried with time.Parse itself.
func isYAMLTimestamp(s string) bool {
	if len(s) < 5 || s[4] != '-' {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	var space, upperT, lowerT, other bool
	for i := 5; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '-', c == ':', c == '.', c == ',':
		case c == ' ':
			space = true
		case c == 'T':
			upperT = true
		case c == 't':
			lowerT = true
		case c == 'Z', c == '+':
			other = true // only in the zone of the T layouts
		default:
			return false
		}
	}
	layout := yamlTimeDate
	switch {
	case space:
		if upperT || lowerT || other {
			return false
		}
		layout = yamlTimeSpace
	case upperT && lowerT:
		return false
	case upperT || lowerT:
		// The T layouts end in a zone, "Z" or a signed offset: a date
		// and time without one, common in Hugo, is a string.
		t := strings.IndexAny(s, "Tt")
		if !strings.ContainsAny(s[t+1:], "Z+-") {
			return false
		}
		layout = yamlTimeT
		if lowerT {
			layout = yamlTimeLower
		}
	case other:
		return false
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

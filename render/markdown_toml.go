package render

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/articlekit/article"
	toml "github.com/pelletier/go-toml/v2"
)

// TOML. Keys keep their order: a table's scalars, lists and inline maps
// come first as key = value lines, and only the trailing run of map
// values become [table] sections, since a section ends its parent's
// key = value lines. TOML has no null: a null is written as the empty
// string "". An int, float, bool or time whose text is not valid TOML of
// its kind is written as a string, so the block always parses.

// appendTOMLTable appends fields as the table named prefix ("" for the
// top level); b holds the front matter written so far.
func appendTOMLTable(b []byte, prefix string, fields []article.Field) []byte {
	n := len(fields)
	for n > 0 && fields[n-1].Value.Kind == article.KindMap {
		n--
	}
	for _, f := range fields[:n] {
		b = appendTOMLKey(b, f.Key)
		b = append(b, " = "...)
		b = appendTOMLValue(b, f.Value)
		b = append(b, '\n')
	}
	for _, f := range fields[n:] {
		name := string(appendTOMLKey(nil, f.Key))
		if prefix != "" {
			name = prefix + "." + name
		}
		if len(b) > 0 && !bytes.HasSuffix(b, []byte("+++\n")) {
			b = append(b, '\n')
		}
		b = append(b, '[')
		b = append(b, name...)
		b = append(b, "]\n"...)
		b = appendTOMLTable(b, name, f.Value.Map)
	}
	return b
}

// appendTOMLKey appends k bare when it can be, else quoted.
func appendTOMLKey(b []byte, k string) []byte {
	if k == "" {
		return append(b, `""`...)
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return appendTOMLString(b, k)
		}
	}
	return append(b, k...)
}

func appendTOMLValue(b []byte, v article.Value) []byte {
	switch v.Kind {
	case article.KindList:
		b = append(b, '[')
		for i, e := range v.List {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendTOMLValue(b, e)
		}
		return append(b, ']')
	case article.KindMap:
		if len(v.Map) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, "{ "...)
		for i, f := range v.Map {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendTOMLKey(b, f.Key)
			b = append(b, " = "...)
			b = appendTOMLValue(b, f.Value)
		}
		return append(b, " }"...)
	case article.KindInt, article.KindFloat, article.KindBool, article.KindTime:
		if validTOMLScalar(v) {
			return append(b, v.Text...)
		}
	case article.KindNull:
		return append(b, `""`...)
	}
	return appendTOMLString(b, v.Text)
}

// validTOMLScalar reports whether v.Text, written bare, reads back as a
// TOML value of v's kind.
func validTOMLScalar(v article.Value) bool {
	if v.Text == "" || strings.ContainsAny(v.Text, "\n\r#=[]{},\"'") {
		return false
	}
	// The common texts are told without a TOML parser: booleans, and
	// decimal ints short enough for int64.
	switch v.Text {
	case "true", "false":
		return v.Kind == article.KindBool
	}
	if n := decimalDigits(v.Text); n == len(v.Text) && n <= 18 {
		return v.Kind == article.KindInt
	}
	return tomlReadsAs(v)
}

// tomlReadsAs reports whether go-toml reads v.Text, written bare, as a
// value of v's kind.
func tomlReadsAs(v article.Value) bool {
	var m map[string]any
	if err := toml.Unmarshal([]byte("v = "+v.Text), &m); err != nil || len(m) != 1 {
		return false
	}
	switch m["v"].(type) {
	case int64:
		return v.Kind == article.KindInt
	case float64:
		return v.Kind == article.KindFloat
	case bool:
		return v.Kind == article.KindBool
	case toml.LocalDate, toml.LocalTime, toml.LocalDateTime:
		return v.Kind == article.KindTime
	default:
		_, isTime := m["v"].(interface{ IsZero() bool })
		return isTime && v.Kind == article.KindTime
	}
}

// appendTOMLString appends s as a TOML basic string; a byte that is not
// valid UTF-8 becomes U+FFFD.
func appendTOMLString(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '"')
	for _, r := range s {
		switch r {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		case '\b':
			b = append(b, `\b`...)
		case '\f':
			b = append(b, `\f`...)
		default:
			if r < 0x20 || r == 0x7f {
				b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xf])
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return append(b, '"')
}

package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/articlekit/article"
	toml "github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// writeFrontMatter writes a's front matter block, followed by a blank
// line, in the format it was read in. It writes nothing for an article
// without front matter, and YAML for fields whose format is unknown.
func writeFrontMatter(b *bytes.Buffer, fm *article.FrontMatter) error {
	format := fm.Format
	if format == article.FormatNone {
		if len(fm.Fields) == 0 {
			return nil
		}
		format = article.FormatYAML
	}
	switch format {
	case article.FormatTOML:
		b.WriteString("+++\n")
		writeTOMLTable(b, "", fm.Fields)
		b.WriteString("+++\n")
	case article.FormatJSON:
		writeJSONValue(b, article.Value{Kind: article.KindMap, Map: fm.Fields}, "")
		b.WriteString("\n")
	default:
		b.WriteString("---\n")
		if len(fm.Fields) > 0 {
			if err := writeYAML(b, fm.Fields); err != nil {
				return err
			}
		}
		b.WriteString("---\n")
	}
	return nil
}

// YAML. The document is built as yaml.v3 nodes: a string is a !!str
// scalar, which the encoder quotes exactly when its plain form would read
// as something else ("true", "2022-01-23", "", "a: b"), and every other
// scalar carries the tag of its kind, which the encoder drops when the
// text resolves to that tag by itself and writes ("!!int abc") when not.

func writeYAML(b *bytes.Buffer, fields []article.Field) error {
	n := b.Len()
	if writeYAMLFast(b, fields, 0) {
		return nil
	}
	b.Truncate(n)
	return writeYAMLEncoder(b, fields)
}

// writeYAMLEncoder writes fields with yaml.v3's encoder.
func writeYAMLEncoder(b *bytes.Buffer, fields []article.Field) error {
	enc := yaml.NewEncoder(b)
	enc.SetIndent(2)
	if err := enc.Encode(yamlMap(fields)); err != nil {
		return fmt.Errorf("render: front matter: %w", err)
	}
	return enc.Close()
}

func yamlMap(fields []article.Field) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: make([]*yaml.Node, 0, 2*len(fields))}
	for _, f := range fields {
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Key}
		n.Content = append(n.Content, key, yamlValue(f.Value))
	}
	return n
}

var yamlTags = map[article.Kind]string{
	article.KindString: "!!str",
	article.KindInt:    "!!int",
	article.KindFloat:  "!!float",
	article.KindBool:   "!!bool",
	article.KindNull:   "!!null",
	article.KindTime:   "!!timestamp",
}

func yamlValue(v article.Value) *yaml.Node {
	switch v.Kind {
	case article.KindMap:
		return yamlMap(v.Map)
	case article.KindList:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: make([]*yaml.Node, 0, len(v.List))}
		for _, e := range v.List {
			n.Content = append(n.Content, yamlValue(e))
		}
		return n
	}
	tag, ok := yamlTags[v.Kind]
	if !ok {
		tag = "!!str"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.Text}
}

// TOML. Keys keep their order: a table's scalars, lists and inline maps
// come first as key = value lines, and only the trailing run of map
// values become [table] sections, since a section ends its parent's
// key = value lines. TOML has no null: a null is written as the empty
// string "". An int, float, bool or time whose text is not valid TOML of
// its kind is written as a string, so the block always parses.

func writeTOMLTable(b *bytes.Buffer, prefix string, fields []article.Field) {
	n := len(fields)
	for n > 0 && fields[n-1].Value.Kind == article.KindMap {
		n--
	}
	for _, f := range fields[:n] {
		b.WriteString(tomlKey(f.Key))
		b.WriteString(" = ")
		writeTOMLValue(b, f.Value)
		b.WriteByte('\n')
	}
	for _, f := range fields[n:] {
		name := tomlKey(f.Key)
		if prefix != "" {
			name = prefix + "." + name
		}
		if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("+++\n")) {
			b.WriteByte('\n')
		}
		b.WriteString("[" + name + "]\n")
		writeTOMLTable(b, name, f.Value.Map)
	}
}

func tomlKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return tomlString(k)
		}
	}
	return k
}

func writeTOMLValue(b *bytes.Buffer, v article.Value) {
	switch v.Kind {
	case article.KindList:
		b.WriteByte('[')
		for i, e := range v.List {
			if i > 0 {
				b.WriteString(", ")
			}
			writeTOMLValue(b, e)
		}
		b.WriteByte(']')
	case article.KindMap:
		if len(v.Map) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{ ")
		for i, f := range v.Map {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tomlKey(f.Key))
			b.WriteString(" = ")
			writeTOMLValue(b, f.Value)
		}
		b.WriteString(" }")
	case article.KindInt, article.KindFloat, article.KindBool, article.KindTime:
		if validTOMLScalar(v) {
			b.WriteString(v.Text)
		} else {
			b.WriteString(tomlString(v.Text))
		}
	case article.KindNull:
		b.WriteString(`""`)
	default:
		b.WriteString(tomlString(v.Text))
	}
}

// validTOMLScalar reports whether v.Text, written bare, reads back as a
// TOML value of v's kind.
func validTOMLScalar(v article.Value) bool {
	if v.Text == "" || strings.ContainsAny(v.Text, "\n\r#=[]{},\"'") {
		return false
	}
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

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// JSON, as Hugo writes it: an object indented by two spaces with keys in
// order. Numbers and bools are written as their text when it is valid
// JSON, and as strings otherwise; a time is a string, since JSON has no
// dates.

func writeJSONValue(b *bytes.Buffer, v article.Value, indent string) {
	switch v.Kind {
	case article.KindMap:
		if len(v.Map) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, f := range v.Map {
			b.WriteString(indent + "  ")
			writeJSONString(b, f.Key)
			b.WriteString(": ")
			writeJSONValue(b, f.Value, indent+"  ")
			if i < len(v.Map)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case article.KindList:
		if len(v.List) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range v.List {
			b.WriteString(indent + "  ")
			writeJSONValue(b, e, indent+"  ")
			if i < len(v.List)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case article.KindNull:
		b.WriteString("null")
	case article.KindBool:
		if v.Text == "true" || v.Text == "false" {
			b.WriteString(v.Text)
		} else {
			writeJSONString(b, v.Text)
		}
	case article.KindInt, article.KindFloat:
		if isJSONNumber(v.Text) {
			b.WriteString(v.Text)
		} else {
			writeJSONString(b, v.Text)
		}
	default:
		writeJSONString(b, v.Text)
	}
}

func isJSONNumber(s string) bool {
	if s == "" || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return false
	}
	var n json.Number
	return json.Unmarshal([]byte(s), &n) == nil
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)           // a string always encodes
	b.Truncate(b.Len() - 1) // Encode's newline
}

package render

import (
	"bytes"
	"fmt"

	"github.com/articlekit/article"
	"go.yaml.in/yaml/v3"
)

// appendFrontMatter appends a's front matter block, followed by a blank
// line, in the format it was read in. It appends nothing for an article
// without front matter, and YAML for fields whose format is unknown.
func appendFrontMatter(b []byte, fm *article.FrontMatter) ([]byte, error) {
	format := fm.Format
	if format == article.FormatNone {
		if len(fm.Fields) == 0 {
			return b, nil
		}
		format = article.FormatYAML
	}
	switch format {
	case article.FormatTOML:
		b = append(b, "+++\n"...)
		b = appendTOMLTable(b, "", fm.Fields)
		b = append(b, "+++\n"...)
	case article.FormatJSON:
		b = appendJSONValue(b, article.Value{Kind: article.KindMap, Map: fm.Fields}, 0)
		b = append(b, '\n')
	default:
		b = append(b, "---\n"...)
		if len(fm.Fields) > 0 {
			var err error
			if b, err = appendYAML(b, fm.Fields); err != nil {
				return b, err
			}
		}
		b = append(b, "---\n"...)
	}
	return b, nil
}

// YAML. The document is built as yaml.v3 nodes: a string is a !!str
// scalar, which the encoder quotes exactly when its plain form would read
// as something else ("true", "2022-01-23", "", "a: b"), and every other
// scalar carries the tag of its kind, which the encoder drops when the
// text resolves to that tag by itself and writes ("!!int abc") when not.

func appendYAML(b []byte, fields []article.Field) ([]byte, error) {
	if out, ok := appendYAMLFast(b, fields, 0); ok {
		return out, nil
	}
	return appendYAMLEncoder(b, fields)
}

// appendYAMLEncoder appends fields written by yaml.v3's encoder.
func appendYAMLEncoder(b []byte, fields []article.Field) ([]byte, error) {
	buf := bytes.NewBuffer(b)
	enc := yaml.NewEncoder(buf)
	enc.SetIndent(2)
	if err := enc.Encode(yamlMap(fields)); err != nil {
		return b, fmt.Errorf("render: front matter: %w", err)
	}
	err := enc.Close()
	return buf.Bytes(), err
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

// JSON, as Hugo writes it: an object indented by two spaces with keys in
// order. Numbers and bools are written as their text when it is valid
// JSON, and as strings otherwise; a time is a string, since JSON has no
// dates.

// appendJSONValue appends v as JSON indented by depth levels of two
// spaces.
func appendJSONValue(b []byte, v article.Value, depth int) []byte {
	switch v.Kind {
	case article.KindMap:
		if len(v.Map) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, "{\n"...)
		for i, f := range v.Map {
			b = appendIndent(b, depth+1)
			b = appendJSONString(b, f.Key)
			b = append(b, ": "...)
			b = appendJSONValue(b, f.Value, depth+1)
			if i < len(v.Map)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = appendIndent(b, depth)
		return append(b, '}')
	case article.KindList:
		if len(v.List) == 0 {
			return append(b, "[]"...)
		}
		b = append(b, "[\n"...)
		for i, e := range v.List {
			b = appendIndent(b, depth+1)
			b = appendJSONValue(b, e, depth+1)
			if i < len(v.List)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = appendIndent(b, depth)
		return append(b, ']')
	case article.KindNull:
		return append(b, "null"...)
	case article.KindBool:
		if v.Text == "true" || v.Text == "false" {
			return append(b, v.Text...)
		}
	case article.KindInt, article.KindFloat:
		if isJSONNumber(v.Text) {
			return append(b, v.Text...)
		}
	}
	return appendJSONString(b, v.Text)
}

// appendIndent appends depth levels of two spaces.
func appendIndent(b []byte, depth int) []byte {
	for range depth {
		b = append(b, "  "...)
	}
	return b
}

// isJSONNumber reports whether s, which encoding/json would take for a
// number, is one: the JSON number grammar, which json.Unmarshal allows
// to be followed by white space.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = skipDigits(s, i)
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		if j := skipDigits(s, i+1); j > i+1 {
			i = j
		} else {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if j := skipDigits(s, i); j > i {
			i = j
		} else {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// skipDigits returns the offset of the first byte from i on in s that is
// not a decimal digit.
func skipDigits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

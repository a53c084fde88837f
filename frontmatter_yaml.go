package article

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxFrontMatterDepth bounds the nesting of front-matter values.
const maxFrontMatterDepth = 100

// maxFrontMatterValues bounds the values one front matter may expand to,
// so that YAML aliases cannot blow up ("billion laughs").
const maxFrontMatterValues = 100000

// decodeYAMLFields reads a YAML block into ordered fields, keeping each
// scalar's text as written. base is the block's offset in the source.
// The simple YAML of nearly all front matter is read by hand
// (decodeYAMLSimple); the rest, errors included, by yaml.v3.
func decodeYAMLFields(block []byte, base int, lines *sourceLines) ([]Field, error) {
	fields, ok := decodeYAMLSimple(block, lines.lineOf(base)-1)
	if !ok {
		var err error
		if fields, err = decodeYAMLNodes(block, base, lines); err != nil {
			return nil, err
		}
	}
	if !isASCII(block) {
		byteColumns(fields, lines)
	}
	return fields, nil
}

// byteColumns turns the character columns that YAML counts into byte
// columns.
func byteColumns(fields []Field, lines *sourceLines) {
	var fix func(v *Value)
	fix = func(v *Value) {
		v.Col = lines.byteColumn(v.Line, v.Col)
		for i := range v.List {
			fix(&v.List[i])
		}
		for i := range v.Map {
			fix(&v.Map[i].Value)
		}
	}
	for i := range fields {
		fix(&fields[i].Value)
	}
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decodeYAMLNodes reads a YAML block with yaml.v3 into a yaml.Node tree
// and from it into ordered fields.
func decodeYAMLNodes(block []byte, base int, lines *sourceLines) ([]Field, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(block, &doc); err != nil {
		return nil, yamlError(err, base, lines)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty, or only comments
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	d := yamlDecoder{lineBase: lines.lineOf(base) - 1}
	if root.Kind != yaml.MappingNode {
		line := root.Line + d.lineBase
		return nil, &posError{lines.offsetOf(line, lines.byteColumn(line, root.Column)), wrapf(ErrFrontMatter, "YAML front matter is not a map of keys")}
	}
	d.lines = lines
	v, err := d.value(root, 0)
	if err != nil {
		return nil, err
	}
	return v.Map, nil
}

type yamlDecoder struct {
	lineBase int // lines before the block
	lines    *sourceLines
	count    int
}

func (d *yamlDecoder) at(n *yaml.Node) int {
	line := n.Line + d.lineBase
	return d.lines.offsetOf(line, d.lines.byteColumn(line, n.Column))
}

func (d *yamlDecoder) value(n *yaml.Node, depth int) (Value, error) {
	d.count++
	if depth > maxFrontMatterDepth || d.count > maxFrontMatterValues {
		return Value{}, &posError{d.at(n), wrapf(ErrFrontMatter, "YAML nests or expands too far")}
	}
	v := Value{Line: n.Line + d.lineBase, Col: n.Column}
	switch n.Kind {
	case yaml.AliasNode:
		a, err := d.value(n.Alias, depth+1)
		a.Line, a.Col = v.Line, v.Col
		return a, err
	case yaml.ScalarNode:
		v.Text = n.Value
		switch n.Tag {
		case "!!int":
			v.Kind = KindInt
		case "!!float":
			v.Kind = KindFloat
		case "!!bool":
			v.Kind = KindBool
		case "!!null":
			v.Kind = KindNull
		case "!!timestamp":
			v.Kind = KindTime
		default:
			v.Kind = KindString
		}
	case yaml.SequenceNode:
		v.Kind = KindList
		v.List = make([]Value, 0, len(n.Content))
		for _, c := range n.Content {
			e, err := d.value(c, depth+1)
			if err != nil {
				return Value{}, err
			}
			v.List = append(v.List, e)
		}
	case yaml.MappingNode:
		v.Kind = KindMap
		v.Map = make([]Field, 0, len(n.Content)/2)
		var seen keySet
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.AliasNode {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				return Value{}, &posError{d.at(n.Content[i]), wrapf(ErrFrontMatter, "a key must be a plain value, not a list or map")}
			}
			if !seen.add(v.Map, k.Value) {
				return Value{}, &posError{d.at(n.Content[i]), wrapf(ErrDuplicateKey, "%q", k.Value)}
			}
			fv, err := d.value(n.Content[i+1], depth+1)
			if err != nil {
				return Value{}, err
			}
			v.Map = append(v.Map, Field{Key: k.Value, Value: fv})
		}
	default:
		return Value{}, &posError{d.at(n), wrapf(ErrFrontMatter, "unexpected YAML node")}
	}
	return v, nil
}

// yamlError positions a yaml.v3 error. Its messages say "line N" relative
// to the block but no column; the column given is that of the first
// non-blank character of the line.
func yamlError(err error, base int, lines *sourceLines) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	off := base
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, convErr := strconv.Atoi(rest[:i]); convErr == nil {
				msg = strings.TrimSpace(rest[i+1:])
				off = lines.offsetOf(lines.lineOf(base)+n-1, 1)
				for off < len(lines.src) && (lines.src[off] == ' ' || lines.src[off] == '\t') {
					off++
				}
			}
		}
	}
	return &posError{off, wrapf(ErrFrontMatter, "YAML: %s", msg)}
}

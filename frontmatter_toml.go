package article

import (
	"errors"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// decodeTOMLFields reads a TOML block into ordered fields. It runs the
// full decoder first, for its checks (duplicate keys, redefined tables)
// and positioned errors, then walks the parser's expressions for the key
// order and each value's text.
func decodeTOMLFields(block []byte, base int, lines *sourceLines) ([]Field, error) {
	var check map[string]any
	if err := toml.Unmarshal(block, &check); err != nil {
		off := base
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			off = lines.offsetOf(lines.lineOf(base)+row-1, col)
		}
		sentinel := ErrFrontMatter
		if strings.Contains(err.Error(), "already defined") || strings.Contains(err.Error(), "already exists") {
			sentinel = ErrDuplicateKey
		}
		return nil, &posError{off, wrapf(sentinel, "TOML: %s", strings.TrimPrefix(err.Error(), "toml: "))}
	}
	d := tomlDecoder{base: base, lines: lines}
	var p unstable.Parser
	p.Reset(block)
	root := &Value{Kind: KindMap, Map: []Field{}}
	current := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			v, err := d.value(e.Value(), 0)
			if err != nil {
				return nil, err
			}
			it := e.Key()
			d.insert(current, it, v)
		case unstable.Table:
			it := e.Key()
			current = d.table(root, it, false)
		case unstable.ArrayTable:
			it := e.Key()
			current = d.table(root, it, true)
		}
	}
	if err := p.Error(); err != nil {
		return nil, &posError{base, wrapf(ErrFrontMatter, "TOML: %v", err)}
	}
	return root.Map, nil
}

type tomlDecoder struct {
	base  int
	lines *sourceLines
}

// child returns the map field key of m, creating it if asked.
func child(m *Value, key string) *Value {
	for i := range m.Map {
		if m.Map[i].Key == key {
			return &m.Map[i].Value
		}
	}
	m.Map = append(m.Map, Field{Key: key, Value: Value{Kind: KindMap, Map: []Field{}}})
	return &m.Map[len(m.Map)-1].Value
}

// insert sets a possibly dotted key in m.
func (d *tomlDecoder) insert(m *Value, key unstable.Iterator, v Value) {
	var parts []string
	for key.Next() {
		parts = append(parts, string(key.Node().Data))
	}
	for _, k := range parts[:len(parts)-1] {
		m = child(m, k)
		if m.Kind == KindList && len(m.List) > 0 { // a dotted key into an array of tables
			m = &m.List[len(m.List)-1]
		}
	}
	m.Map = append(m.Map, Field{Key: parts[len(parts)-1], Value: v})
}

// table returns the map that a [table] or [[array]] header opens.
func (d *tomlDecoder) table(root *Value, key unstable.Iterator, array bool) *Value {
	var parts []string
	for key.Next() {
		parts = append(parts, string(key.Node().Data))
	}
	m := root
	for i, k := range parts {
		last := i == len(parts)-1
		if last && array {
			var found *Value
			for j := range m.Map {
				if m.Map[j].Key == k {
					found = &m.Map[j].Value
				}
			}
			if found == nil {
				m.Map = append(m.Map, Field{Key: k, Value: Value{Kind: KindList, List: []Value{}}})
				found = &m.Map[len(m.Map)-1].Value
			}
			found.List = append(found.List, Value{Kind: KindMap, Map: []Field{}})
			return &found.List[len(found.List)-1]
		}
		m = child(m, k)
		if m.Kind == KindList && len(m.List) > 0 {
			m = &m.List[len(m.List)-1]
		}
	}
	return m
}

func (d *tomlDecoder) value(n *unstable.Node, depth int) (Value, error) {
	var v Value
	if n.Raw.Length > 0 {
		v.Line, v.Col = d.lines.pos(d.base + int(n.Raw.Offset))
	}
	if depth > maxFrontMatterDepth {
		return v, &posError{d.base + int(n.Raw.Offset), wrapf(ErrFrontMatter, "TOML nests too deep")}
	}
	switch n.Kind {
	case unstable.String:
		v.Kind, v.Text = KindString, string(n.Data)
	case unstable.Integer:
		v.Kind, v.Text = KindInt, string(n.Data)
	case unstable.Float:
		v.Kind, v.Text = KindFloat, string(n.Data)
	case unstable.Bool:
		v.Kind, v.Text = KindBool, string(n.Data)
	case unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		v.Kind, v.Text = KindTime, string(n.Data)
	case unstable.Array:
		v.Kind, v.List = KindList, []Value{}
		it := n.Children()
		for it.Next() {
			e, err := d.value(it.Node(), depth+1)
			if err != nil {
				return v, err
			}
			v.List = append(v.List, e)
		}
	case unstable.InlineTable:
		v.Kind, v.Map = KindMap, []Field{}
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			e, err := d.value(kv.Value(), depth+1)
			if err != nil {
				return v, err
			}
			d.insert(&v, kv.Key(), e)
		}
	}
	return v, nil
}

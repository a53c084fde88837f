package article

import (
	"strings"
	"unicode/utf8"
)

// maxFastYAMLDepth bounds the nesting the fast decoder follows; deeper
// front matter goes to yaml.v3, which enforces maxFrontMatterDepth.
const maxFastYAMLDepth = 32

// maxFastYAMLKey bounds the bytes of a key: yaml.v3 rejects a key whose
// colon is more than 1024 characters after its start.
const maxFastYAMLKey = 512

// decodeYAMLSimple decodes the YAML that front matter is nearly always
// written in, without yaml.v3: a block map of plain keys whose values
// are plain or quoted one-line scalars, flow lists of those ([a, "b"],
// which may span lines), block lists of those, or nested maps of the
// same, with blank and comment lines anywhere. lineBase is the number of
// lines before the block. It gives exactly the fields yaml.v3 gives
// (kinds, texts, positions), and ok == false for anything it is not sure
// of: anchors, tags, block and multi-line scalars, flow maps, tabs in
// indentation, unusual indentation, duplicate keys, documents and
// directives, and whatever yaml.v3 rejects. The caller then decodes with
// yaml.v3, so that errors and their positions are yaml.v3's alone.
func decodeYAMLSimple(block []byte, lineBase int) (fields []Field, ok bool) {
	keys, ascii, ok := checkSimpleYAML(block)
	if !ok {
		return nil, false
	}
	p := yamlScan{src: string(block), ascii: ascii, lineBase: lineBase}
	p.advance()
	if p.eof {
		return nil, true // empty, or only comments
	}
	if p.ind != 0 {
		return nil, false
	}
	p.count = 1 // the root map
	return p.mapping(0, 0, keys)
}

// checkSimpleYAML scans block for what the fast decoder never handles:
// tabs in indentation, carriage returns and other control characters,
// invalid UTF-8, the Unicode line breaks and byte order marks, and lines
// that start with a document marker. It returns the number of lines that
// may hold a top-level key (a capacity hint) and whether block is all
// ASCII.
func checkSimpleYAML(block []byte) (keys int, ascii, ok bool) {
	ascii = true
	lineStart, indenting := true, true
	for i := 0; i < len(block); {
		c := block[i]
		if c != ' ' {
			if c == '\t' && indenting {
				return 0, false, false // yaml.v3 rejects most tabs there
			}
			indenting = false
		}
		if lineStart {
			lineStart = false
			switch c {
			case '-', '.':
				if len(block) >= i+3 && block[i+1] == c && block[i+2] == c {
					return 0, false, false
				}
			case ' ', '#', '\n':
			default:
				keys++
			}
		}
		switch {
		case c == '\n':
			lineStart, indenting = true, true
			i++
		case c >= 0x20 && c < 0x7f, c == '\t':
			i++
		case c < 0x80:
			return 0, false, false // CR, other controls, DEL
		default:
			r, size := utf8.DecodeRune(block[i:])
			switch {
			case r == utf8.RuneError && size == 1,
				r < 0xa0, // C1 controls and NEL
				r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
				return 0, false, false
			}
			ascii = false
			i += size
		}
	}
	return keys, ascii, true
}

// A yamlScan walks the content lines of a YAML block: lines that are
// neither blank nor only a comment.
type yamlScan struct {
	src      string
	ascii    bool // src is all ASCII: columns are byte offsets
	lineBase int
	next     int // offset of the line after the current one
	nextNum  int // number of the last line read, from 1

	// The current content line.
	eof  bool
	pos  int  // offset of its first byte
	end  int  // offset of its newline, or len(src)
	ind  int  // spaces before its first other byte
	num  int  // its number in the block, from 1
	item bool // it is a block list item: "-" alone or before a space

	count int // values decoded, counted as yamlDecoder counts them
}

// advance moves to the next content line, or sets eof.
func (p *yamlScan) advance() {
	for p.next < len(p.src) {
		start := p.next
		end := strings.IndexByte(p.src[start:], '\n')
		if end < 0 {
			end = len(p.src)
		} else {
			end += start
		}
		p.next = end + 1
		p.nextNum++
		i := start
		for i < end && p.src[i] == ' ' {
			i++
		}
		if i == end || p.src[i] == '#' {
			continue
		}
		p.pos, p.end, p.ind, p.num = start, end, i-start, p.nextNum
		// A list item is "-" alone or followed by a space.
		p.item = p.src[i] == '-' && (i+1 == end || p.src[i+1] == ' ')
		return
	}
	p.eof = true
}

// col is the 1-based column of offset off on the current line, counted
// in characters as yaml.v3 counts them.
func (p *yamlScan) col(off int) int {
	if p.ascii {
		return off - p.pos + 1
	}
	return utf8.RuneCountInString(p.src[p.pos:off]) + 1
}

// value starts a value at offset off of the current line, counting it
// against the limits yamlDecoder enforces.
func (p *yamlScan) value(off, depth int) (Value, bool) {
	if !p.counted(depth) {
		return Value{}, false
	}
	return Value{Line: p.num + p.lineBase, Col: p.col(off)}, true
}

// counted counts one more value at depth and reports whether the fast
// decoder goes on: past its own depth, or past the number of values
// yamlDecoder allows, it leaves the block to yaml.v3.
func (p *yamlScan) counted(depth int) bool {
	p.count++
	return depth <= maxFastYAMLDepth && p.count <= maxFrontMatterValues
}

// mapping decodes the block map whose keys are indented by indent; the
// current line is its first key. capHint sizes its fields.
func (p *yamlScan) mapping(indent, depth, capHint int) ([]Field, bool) {
	fields := make([]Field, 0, capHint)
	var seen keySet
	for !p.eof && p.ind == indent {
		key, colon, ok := p.key()
		if !ok || !seen.add(fields, key) {
			return nil, false
		}
		v, ok := p.mapValue(indent, colon, depth+1)
		if !ok {
			return nil, false
		}
		fields = append(fields, Field{Key: key, Value: v})
	}
	if !p.eof && p.ind > indent {
		return nil, false
	}
	return fields, true
}

// key reads the plain key of the current line; colon is the offset of
// the colon that ends it.
func (p *yamlScan) key() (key string, colon int, ok bool) {
	start := p.pos + p.ind
	if p.item || !plainStart(p.src[start:p.end]) {
		return "", 0, false
	}
	for i := start; i < p.end && i-start <= maxFastYAMLKey; i++ {
		switch p.src[i] {
		case ':':
			if i+1 == p.end || isBlank(p.src[i+1]) {
				return strings.TrimRight(p.src[start:i], " \t"), i, true
			}
		case '#':
			if isBlank(p.src[i-1]) {
				return "", 0, false // a comment before any colon
			}
		}
	}
	return "", 0, false
}

// mapValue decodes the value of the key whose colon is at offset colon
// of the current line, in a map indented by indent, and moves past it.
func (p *yamlScan) mapValue(indent, colon, depth int) (Value, bool) {
	off := yamlSkipBlanks(p.src, colon+1, p.end)
	if off < p.end && p.src[off] != '#' {
		return p.inlineLine(off, indent, depth)
	}
	// Nothing on the line: a list or a map may follow, indented (a list
	// may also start at the key's own indentation), or the value is an
	// empty scalar, which yaml.v3 places just after the colon.
	null := Value{Kind: KindNull, Line: p.num + p.lineBase, Col: p.col(colon + 1)}
	p.advance()
	switch {
	case p.eof || p.ind < indent:
	case p.ind == indent:
		if p.item {
			return p.sequence(depth)
		}
	case p.item:
		return p.sequence(depth)
	default:
		v, ok := p.value(p.pos+p.ind, depth)
		if !ok {
			return Value{}, false
		}
		v.Kind = KindMap
		v.Map, ok = p.mapping(p.ind, depth, 0)
		return v, ok
	}
	return null, p.counted(depth)
}

// sequence decodes the block list whose first item is the current line.
func (p *yamlScan) sequence(depth int) (Value, bool) {
	indent := p.ind
	v, ok := p.value(p.pos+indent, depth)
	if !ok {
		return Value{}, false
	}
	v.Kind = KindList
	v.List = make([]Value, 0, 4)
	for !p.eof && p.ind == indent && p.item {
		dash := p.pos + indent
		off := dash + 1
		for off < p.end && p.src[off] == ' ' {
			off++
		}
		if off < p.end && p.src[off] == '\t' {
			return Value{}, false // yaml.v3 takes no tab after a dash
		}
		var e Value
		if off < p.end && p.src[off] != '#' {
			e, ok = p.inlineLine(off, indent, depth+1)
		} else {
			// An empty item, placed just after its dash.
			e, ok = p.value(dash+1, depth+1)
			e.Kind = KindNull
			p.advance()
			ok = ok && (p.eof || p.ind <= indent)
		}
		if !ok {
			return Value{}, false
		}
		v.List = append(v.List, e)
	}
	return v, true
}

// inlineLine decodes the value that starts at offset off and must end
// its line (a flow list may end on a later line), then moves to the next
// content line, which may not be indented past indent: yaml.v3 would
// read it as more of the value.
func (p *yamlScan) inlineLine(off, indent, depth int) (Value, bool) {
	v, end, ok := p.inline(off, depth, false)
	if !ok || !restIsComment(p.src, end, p.end) {
		return Value{}, false
	}
	p.advance()
	if !p.eof && p.ind > indent {
		return Value{}, false
	}
	return v, true
}

// inline decodes a scalar or a flow list at offset off of the current
// line; end is the offset after it. flow is true inside a flow list.
func (p *yamlScan) inline(off, depth int, flow bool) (v Value, end int, ok bool) {
	if v, ok = p.value(off, depth); !ok {
		return Value{}, 0, false
	}
	switch p.src[off] {
	case '"':
		v.Text, end, ok = doubleQuoted(p.src, off, p.end)
		v.Kind = KindString
	case '\'':
		v.Text, end, ok = singleQuoted(p.src, off, p.end)
		v.Kind = KindString
	case '[':
		if flow {
			return Value{}, 0, false
		}
		v.Kind = KindList
		v.List, end, ok = p.flowList(off, depth)
	default:
		if !plainStart(p.src[off:p.end]) {
			return Value{}, 0, false
		}
		if end, ok = plainEnd(p.src, off, p.end, flow); !ok {
			return Value{}, 0, false
		}
		v.Text = p.src[off:end]
		v.Kind = plainYAMLKind(v.Text)
	}
	return v, end, ok
}

// flowList decodes a flow list of scalars, [a, "b"], whose bracket is at
// offset off; end is the offset after its closing bracket, on the line
// that is then current. The list may span lines, each scalar may not.
func (p *yamlScan) flowList(off, depth int) (list []Value, end int, ok bool) {
	list = make([]Value, 0, 4)
	i, ok := p.flowSkip(off + 1)
	if !ok {
		return nil, 0, false
	}
	if p.src[i] == ']' {
		return list, i + 1, true
	}
	for {
		var e Value
		if e, i, ok = p.inline(i, depth+1, true); !ok {
			return nil, 0, false
		}
		list = append(list, e)
		if i, ok = p.flowSkip(i); !ok {
			return nil, 0, false
		}
		switch p.src[i] {
		case ']':
			return list, i + 1, true
		case ',':
			if i, ok = p.flowSkip(i + 1); !ok || p.src[i] == ']' || p.src[i] == ',' {
				return nil, 0, false // an empty entry or a trailing comma
			}
		default:
			// More text after a plain scalar that ended a line would
			// continue it on this one.
			return nil, 0, false
		}
	}
}

// flowSkip returns the offset of the next byte inside a flow list that is
// neither blank nor a line break, moving to later lines as needed. It
// declines at the end of the block and at a comment.
func (p *yamlScan) flowSkip(i int) (int, bool) {
	for {
		if i = yamlSkipBlanks(p.src, i, p.end); i < p.end {
			return i, p.src[i] != '#'
		}
		if p.next >= len(p.src) {
			return 0, false
		}
		p.pos = p.next
		p.end = strings.IndexByte(p.src[p.pos:], '\n')
		if p.end < 0 {
			p.end = len(p.src)
		} else {
			p.end += p.pos
		}
		p.next = p.end + 1
		p.nextNum++
		p.num = p.nextNum
		i = p.pos
	}
}

// yamlSkipBlanks returns the offset of the first byte from i that is
// neither a space nor a tab, or end.
func yamlSkipBlanks(s string, i, end int) int {
	for i < end && isBlank(s[i]) {
		i++
	}
	return i
}

// isBlank reports whether c is white space inside a YAML line.
func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// restIsComment reports whether s[i:end] is blank, or blanks and a
// comment.
func restIsComment(s string, i, end int) bool {
	j := yamlSkipBlanks(s, i, end)
	return j == end || (j > i && s[j] == '#')
}

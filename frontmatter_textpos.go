package article

import (
	"strconv"
	"unicode/utf8"
)

// A front-matter value's Line and Col name where it is written, which for
// a quoted string is its opening quote; an edit to its text should name
// the character it changes. quotedTextLines gives each quoted string
// value a line table (Value.text): where its text starts, after the
// quote, and where it resumes after each escape, which the text holds at
// another length. It reads the value as written on its line; a value
// that goes on past its line (a multi-line quoted scalar, a TOML
// multi-line string) gets only its start, and one it cannot follow gets
// none.
func quotedTextLines(fields []Field, lines *sourceLines, format Format) {
	var walk func(v *Value)
	walk = func(v *Value) {
		switch v.Kind {
		case KindString:
			v.text = quotedText(v, lines, format)
		case KindList:
			for i := range v.List {
				walk(&v.List[i])
			}
		case KindMap:
			for i := range v.Map {
				walk(&v.Map[i].Value)
			}
		}
	}
	for i := range fields {
		walk(&fields[i].Value)
	}
}

// quotedText returns the line table of a quoted string value, or nil.
func quotedText(v *Value, lines *sourceLines, format Format) []textLine {
	if v.Line < 1 || v.Line > len(lines.starts) || v.Col < 1 {
		return nil
	}
	start := lines.offsetOf(v.Line, v.Col)
	end := len(lines.src)
	if v.Line < len(lines.starts) {
		end = lines.starts[v.Line] // the line's end
	}
	if start >= end {
		return nil
	}
	raw := lines.src[start:end]
	q := raw[0]
	if format == FormatYAML && (q == '|' || q == '>') {
		return blockText(v, lines)
	}
	if q != '"' && q != '\'' {
		return nil
	}
	n := 1 // the opening delimiter's length
	if format == FormatTOML && len(raw) >= 3 && raw[1] == q && raw[2] == q {
		// A multi-line string: the text starts after the delimiter and
		// the newline right after it.
		n = 3
		if 3 < len(raw) && raw[3] == '\n' {
			if v.Line >= len(lines.starts) {
				return nil
			}
			return []textLine{{0, Pos{v.Line + 1, 1}}}
		}
		return []textLine{{0, Pos{v.Line, v.Col + n}}}
	}
	table := []textLine{{0, Pos{v.Line, v.Col + n}}}
	text := v.Text
	d := 0 // bytes of text read so far
	for i := n; i < len(raw); {
		c := raw[i]
		switch {
		case c == q && !(format == FormatYAML && q == '\'' && i+1 < len(raw) && raw[i+1] == '\''):
			// The closing quote: the table holds if the text ends here.
			if d != len(text) {
				return table[:1]
			}
			return table
		case c == '\n':
			return table[:1] // the value goes on past its line
		case q == '\'' && format == FormatYAML && c == '\'':
			i, d = i+2, d+1 // '' is '
		case q == '"' && c == '\\':
			size, width := escapeSize(raw[i:], format)
			if size == 0 {
				return table[:1]
			}
			i, d = i+size, d+width
		default:
			if d >= len(text) || text[d] != c {
				return table[:1]
			}
			i, d = i+1, d+1
			continue
		}
		table = append(table, textLine{d, Pos{v.Line, v.Col + i}})
	}
	return table[:1]
}

// escapeSize returns the length of the escape sequence at the start of s
// in a double-quoted string and the length of what it stands for, or 0
// when it is not one this reads (a line continuation, say).
func escapeSize(s []byte, format Format) (size, width int) {
	if len(s) < 2 {
		return 0, 0
	}
	hex := 0
	switch s[1] {
	case 'x':
		if format != FormatYAML {
			return 0, 0
		}
		hex = 2
	case 'u':
		hex = 4
	case 'U':
		if format == FormatJSON {
			return 0, 0
		}
		hex = 8
	case 'N', '_':
		return 2, 2 // U+0085, U+00A0
	case 'L', 'P':
		return 2, 3 // U+2028, U+2029
	case '\n', '\r':
		return 0, 0
	default:
		return 2, 1
	}
	if len(s) < 2+hex {
		return 0, 0
	}
	r, err := strconv.ParseUint(string(s[2:2+hex]), 16, 32)
	if err != nil {
		return 0, 0
	}
	if r >= 0xD800 && r < 0xDC00 && format == FormatJSON {
		// A surrogate pair: \uD83D\uDE00 is one character.
		if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			return 12, 4
		}
		return 6, utf8.RuneLen(utf8.RuneError)
	}
	if w := utf8.RuneLen(rune(r)); w > 0 {
		return 2 + hex, w
	}
	return 2 + hex, utf8.RuneLen(utf8.RuneError)
}

// blockText returns the line table of a YAML block scalar (| or >), whose
// text is its lines after the indicator's, less their indentation, each
// followed by a newline or, folded, a space.
func blockText(v *Value, lines *sourceLines) []textLine {
	var table []textLine
	text := v.Text
	d := 0
	for n := v.Line + 1; n <= len(lines.starts) && d < len(text); n++ {
		start := lines.starts[n-1]
		end := len(lines.src)
		if n < len(lines.starts) {
			end = lines.starts[n] - 1 // before the newline
		}
		line := lines.src[start:end]
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		content := string(line[indent:])
		if content == "" {
			// A blank line is a newline of the text.
			if text[d] != '\n' {
				break
			}
			d++
			continue
		}
		if len(text)-d < len(content) || text[d:d+len(content)] != content {
			break
		}
		table = append(table, textLine{d, Pos{n, indent + 1}})
		d += len(content)
		if d < len(text) && (text[d] == '\n' || text[d] == ' ') {
			d++
		}
	}
	return table
}

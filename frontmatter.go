package article

import (
	"bytes"
)

// A split is an input cut into its front-matter block and its body.
type split struct {
	format Format
	// block is the text between the delimiters (for JSON, the object
	// itself); blockStart is its byte offset in the source.
	block      []byte
	blockStart int
	// body is what follows the closing delimiter; bodyStart is its
	// offset.
	body      []byte
	bodyStart int
}

// A posError is an error at a byte offset of the (cleaned) source, turned
// into a ParseError with line and column by the caller.
type posError struct {
	offset int
	err    error
}

func (e *posError) Error() string { return e.err.Error() }
func (e *posError) Unwrap() error { return e.err }

// splitFrontMatter finds the front matter at the start of src, which has
// already lost its BOM and CRs. Blank lines may precede the opening
// delimiter. YAML opens with "---" and closes with "---" or "..."; TOML
// opens and closes with "+++"; JSON is an object starting with "{" on the
// first line, as Hugo writes it. An opening delimiter with no close is an
// error, never "no front matter".
func splitFrontMatter(src []byte) (split, error) {
	start := 0
	for start < len(src) {
		line, next := lineAt(src, start)
		if len(bytes.TrimSpace(line)) != 0 {
			break
		}
		start = next
	}
	if start >= len(src) {
		return split{body: src}, nil
	}
	first, next := lineAt(src, start)
	first = bytes.TrimRight(first, " \t")
	switch {
	case string(first) == "---":
		return splitDelimited(src, start, next, FormatYAML, "---", "...")
	case string(first) == "+++":
		return splitDelimited(src, start, next, FormatTOML, "+++", "")
	case looksLikeJSONFrontMatter(first):
		end, err := jsonObjectEnd(src, start)
		if err != nil {
			return split{}, err
		}
		// The object is followed by the rest of its line, which must be
		// blank; the body starts on the next line.
		rest, bodyStart := lineAt(src, end)
		if len(bytes.TrimSpace(rest)) != 0 {
			return split{}, &posError{end, wrapf(ErrFrontMatter, "text after the closing } of JSON front matter")}
		}
		return split{format: FormatJSON, block: src[start:end], blockStart: start, body: src[bodyStart:], bodyStart: bodyStart}, nil
	}
	return split{body: src}, nil
}

// splitDelimited handles YAML and TOML: the block runs from the line after
// the opening delimiter to the closing line.
func splitDelimited(src []byte, open, blockStart int, f Format, close, altClose string) (split, error) {
	for i := blockStart; i < len(src); {
		line, next := lineAt(src, i)
		line = bytes.TrimRight(line, " \t")
		if string(line) == close || (altClose != "" && string(line) == altClose) {
			return split{format: f, block: src[blockStart:i], blockStart: blockStart, body: src[next:], bodyStart: next}, nil
		}
		i = next
	}
	return split{}, &posError{open, wrapf(ErrUnterminatedFrontMatter, "%s opened here is never closed", close)}
}

// looksLikeJSONFrontMatter tells JSON front matter from a body that starts
// with a brace, such as a Liquid tag or a Hugo shortcode: after "{" only
// white space, `"` or "}" may follow on the first line.
func looksLikeJSONFrontMatter(line []byte) bool {
	if len(line) == 0 || line[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(line[1:], " \t")
	return len(rest) == 0 || rest[0] == '"' || rest[0] == '}'
}

// lineAt returns the line starting at offset i, without its newline, and
// the offset of the next line.
func lineAt(src []byte, i int) (line []byte, next int) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return src[i:], len(src)
	}
	return src[i : i+j], i + j + 1
}

// A keySet finds duplicate keys in a map being decoded. Small maps, the
// usual case, are searched in place; a map past a few keys gets a set,
// so that a front matter with many keys is checked in linear time.
type keySet map[string]bool

// add reports whether key is new among fields, the keys decoded so far,
// and records it.
func (s *keySet) add(fields []Field, key string) bool {
	const small = 16
	if *s == nil {
		if len(fields) < small {
			for _, f := range fields {
				if f.Key == key {
					return false
				}
			}
			return true
		}
		*s = make(keySet, 2*len(fields))
		for _, f := range fields {
			(*s)[f.Key] = true
		}
	}
	if (*s)[key] {
		return false
	}
	(*s)[key] = true
	return true
}

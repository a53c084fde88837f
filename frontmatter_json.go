package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// jsonObjectEnd returns the offset just past the JSON object that starts
// at src[start], or an error at the offset where it goes wrong.
func jsonObjectEnd(src []byte, start int) (int, error) {
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return 0, jsonError(err, start, len(src))
	}
	return start + int(dec.InputOffset()), nil
}

// jsonError turns an encoding/json error into a posError.
func jsonError(err error, base, end int) error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		off := base + int(syn.Offset) - 1
		if off < base {
			off = base
		}
		return &posError{off, wrapf(ErrFrontMatter, "JSON: %v", syn)}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &posError{base, wrapf(ErrUnterminatedFrontMatter, "JSON front matter { opened here is never closed")}
	}
	return &posError{base, wrapf(ErrFrontMatter, "JSON: %v", err)}
}

// decodeJSONFields reads a JSON object into ordered fields. base is the
// offset of block in the source, for positions.
func decodeJSONFields(block []byte, base int, lines *sourceLines) ([]Field, error) {
	dec := json.NewDecoder(bytes.NewReader(block))
	dec.UseNumber()
	d := jsonDecoder{dec: dec, base: base, lines: lines}
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	if v.Kind != KindMap {
		return nil, &posError{base, wrapf(ErrFrontMatter, "JSON front matter is not an object")}
	}
	return v.Map, nil
}

type jsonDecoder struct {
	dec   *json.Decoder
	base  int
	lines *sourceLines
}

func (d *jsonDecoder) offset() int {
	off := d.base + int(d.dec.InputOffset())
	// InputOffset is just past the previous token; skip the separators
	// so that a position points at the value itself.
	src := d.lines.src
	for off < len(src) && strings.IndexByte(" \t\n:,", src[off]) >= 0 {
		off++
	}
	return off
}

func (d *jsonDecoder) value(depth int) (Value, error) {
	if depth > maxFrontMatterDepth {
		return Value{}, &posError{d.offset(), wrapf(ErrFrontMatter, "nested deeper than %d levels", maxFrontMatterDepth)}
	}
	off := d.offset()
	line, col := d.lines.pos(off)
	tok, err := d.dec.Token()
	if err != nil {
		return Value{}, jsonError(err, d.base, 0)
	}
	v := Value{Line: line, Col: col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v.Kind = KindMap
			v.Map = []Field{}
			var seen keySet
			for d.dec.More() {
				keyOff := d.offset()
				kt, err := d.dec.Token()
				if err != nil {
					return Value{}, jsonError(err, d.base, 0)
				}
				key, _ := kt.(string)
				if !seen.add(v.Map, key) {
					return Value{}, &posError{keyOff, wrapf(ErrDuplicateKey, "%q", key)}
				}
				fv, err := d.value(depth + 1)
				if err != nil {
					return Value{}, err
				}
				v.Map = append(v.Map, Field{Key: key, Value: fv})
			}
		case '[':
			v.Kind = KindList
			v.List = []Value{}
			for d.dec.More() {
				e, err := d.value(depth + 1)
				if err != nil {
					return Value{}, err
				}
				v.List = append(v.List, e)
			}
		}
		if _, err := d.dec.Token(); err != nil { // the closing delimiter
			return Value{}, jsonError(err, d.base, 0)
		}
	case string:
		v.Kind, v.Text = KindString, t
	case json.Number:
		v.Kind, v.Text = KindInt, string(t)
		if strings.ContainsAny(string(t), ".eE") {
			v.Kind = KindFloat
		}
	case bool:
		v.Kind, v.Text = KindBool, "false"
		if t {
			v.Text = "true"
		}
	case nil:
		v.Kind, v.Text = KindNull, "null"
	}
	return v, nil
}

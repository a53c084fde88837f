package article

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// A sourceLines maps byte offsets of a source to lines and columns.
type sourceLines struct {
	src    []byte
	starts []int // offset of the first byte of each line
}

func newSourceLines(src []byte) *sourceLines {
	return &sourceLines{src: src, starts: lineStarts(src)}
}

// lineStarts returns the offset of the first byte of each line of src.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// pos returns the 1-based line and byte column of offset off.
func (x *sourceLines) pos(off int) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	i := sort.SearchInts(x.starts, off+1) - 1
	return i + 1, off - x.starts[i] + 1
}

// lineOf returns the 1-based line of offset off.
func (x *sourceLines) lineOf(off int) int {
	l, _ := x.pos(off)
	return l
}

// offsetOf returns the offset of line (1-based) and byte column col.
func (x *sourceLines) offsetOf(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		return len(x.src)
	}
	return x.starts[line-1] + col - 1
}

// byteColumn returns the byte column (from 1) of the col-th character of
// line: yaml.v3 counts columns in characters, the rest of the package in
// bytes, as the Go toolchain does.
func (x *sourceLines) byteColumn(line, col int) int {
	if line < 1 || line > len(x.starts) {
		return col
	}
	start := x.starts[line-1]
	i := start
	for c := 1; c < col && i < len(x.src) && x.src[i] != '\n'; c++ {
		_, n := utf8.DecodeRune(x.src[i:])
		i += n
	}
	return i - start + 1
}

// bodyIndex returns the line index of the body that starts at offset
// start, on line firstLine, sharing this table; nil if the body does not
// start a line.
func (x *sourceLines) bodyIndex(start, firstLine int) *lineIndex {
	if firstLine < 1 || firstLine > len(x.starts) || x.starts[firstLine-1] != start {
		return nil
	}
	return &lineIndex{starts: x.starts[firstLine-1:], firstLine: firstLine, base: start}
}

package article

import (
	"bytes"
	"sort"
)

// A sourceLines maps byte offsets of a source to lines and columns.
type sourceLines struct {
	src    []byte
	starts []int // offset of the first byte of each line
}

func newSourceLines(src []byte) *sourceLines {
	starts := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &sourceLines{src: src, starts: starts}
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

package article

import "bytes"

// goldmark's block parser does work proportional to the depth of the
// open containers for each container it opens, so one line of n block
// quote or list markers ("> > > …", "- - - …", "1. 1. 1. …") costs time
// quadratic in n: 100 KB of "> " takes seconds. Blocks nested deeper
// than maxDepth are flattened by the converter anyway, so limitNesting
// stops the nesting where the converter would: on a line that opens more
// than maxDepth containers, the marker that would open the next one is
// escaped with a backslash (\>, \-, 1\.), and the rest of the line is
// text. The text of such a line is kept (its markers become text, where
// flattening would have dropped them); no line of fewer markers changes,
// and neither does a line inside a fenced code block. Positions do not
// count the inserted backslashes (lineIndex.inserted).

// limitNesting returns src with every line's container markers beyond
// maxDepth escaped; src itself when there are none (the common case).
func limitNesting(src []byte) []byte {
	// A line needs a byte per marker (">>>") to nest that deep, so a body
	// with no line that starts with that many marker bytes, nearly every
	// one, is returned at once without the line-by-line fence tracking
	// below.
	if !hasMarkerRun(src, maxDepth) {
		return src
	}
	var out []byte // nil until a line changes
	var fence []byte
	start := 0
	for start < len(src) {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		at, n, rest := containerMarkers(line)
		switch {
		case fence != nil:
			if isFenceClose(rest, fence) {
				fence = nil
			}
		case n <= maxDepth || isThematicBreak(line):
			fence = isFenceOpen(rest)
		default:
			if out == nil {
				out = append(make([]byte, 0, len(src)+8), src[:start]...)
			}
			out = append(out, line[:at]...)
			out = append(out, '\\')
			out = append(out, line[at:]...)
			if end < len(src) {
				out = append(out, '\n')
			}
			start = end + 1
			continue
		}
		if out != nil {
			out = append(out, line...)
			if end < len(src) {
				out = append(out, '\n')
			}
		}
		start = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// containerMarkers reads the block quote and list markers at the start of
// line: n is how many there are, up to maxDepth+1; at is the offset at
// which to put a backslash to stop the one after the first maxDepth (the
// marker character, or an ordered marker's . or )); rest is what follows
// the markers read. It follows CommonMark closely enough to count: up to
// three spaces before a marker, a space or tab after a list marker.
func containerMarkers(line []byte) (at, n int, rest []byte) {
	i := 0
	for {
		j := i
		for k := 0; k < 3 && j < len(line) && line[j] == ' '; k++ {
			j++
		}
		if j >= len(line) {
			return 0, n, line[i:]
		}
		mark, next := j, -1
		switch c := line[j]; {
		case c == '>':
			next = j + 1
			if next < len(line) && (line[next] == ' ' || line[next] == '\t') {
				next++
			}
		case c == '-' || c == '+' || c == '*':
			if j+1 < len(line) && (line[j+1] == ' ' || line[j+1] == '\t') {
				next = j + 2
			}
		case c >= '0' && c <= '9':
			d := j
			for d < len(line) && d-j < 9 && line[d] >= '0' && line[d] <= '9' {
				d++
			}
			if d+1 < len(line) && (line[d] == '.' || line[d] == ')') && (line[d+1] == ' ' || line[d+1] == '\t') {
				mark, next = d, d+2
			}
		}
		if next < 0 {
			return 0, n, line[i:]
		}
		n++
		if n > maxDepth {
			return mark, n, line[i:]
		}
		i = next
	}
}

// isFenceOpen returns the fence that s opens (``` or ~~~, or longer), or
// nil.
func isFenceOpen(s []byte) []byte {
	s = bytes.TrimLeft(s, " ")
	if len(s) < 3 || s[0] != '`' && s[0] != '~' {
		return nil
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 || s[0] == '`' && bytes.IndexByte(s[n:], '`') >= 0 {
		return nil
	}
	return s[:n]
}

func isFenceClose(s, fence []byte) bool {
	s = bytes.TrimLeft(s, " ")
	n := 0
	for n < len(s) && s[n] == fence[0] {
		n++
	}
	return n >= len(fence) && len(bytes.TrimRight(s[n:], " \t")) == 0
}

// isThematicBreak reports whether line is a thematic break (- - -, * * *),
// which may hold any number of its characters.
func isThematicBreak(line []byte) bool {
	var c byte
	n := 0
	for _, b := range line {
		switch {
		case b == ' ' || b == '\t':
		case c == 0 && (b == '-' || b == '*' || b == '_'):
			c = b
			n++
		case b == c:
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// hasMarkerRun reports whether some line of src starts with more than n
// bytes that can only be container markers or the space between them.
func hasMarkerRun(src []byte, n int) bool {
	for len(src) > n {
		run := 0
		for run < len(src) && run <= n && isMarkerByte(src[run]) {
			run++
		}
		if run > n {
			return true
		}
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return false
		}
		src = src[i+1:]
	}
	return false
}

func isMarkerByte(c byte) bool {
	return c == '>' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c == ' ' || c == '\t' || '0' <= c && c <= '9'
}

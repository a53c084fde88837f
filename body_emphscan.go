package article

import "bytes"

// goldmark keeps every run of "*", "_" and "~" of a paragraph on one
// delimiter list, and each run that can close searches back through every
// run before it (it keeps no bottom per kind, as CommonMark's reference
// implementation does): a paragraph of runs that never match, "*a_"
// repeated, costs time quadratic in its runs (87 KB took 9 seconds).
// limitEmphasisRuns bounds that work as limitLinkScans bounds link
// destinations. It counts the runs of each paragraph (lines between blank
// lines, outside fenced code, where a list item or a heading also starts
// one; a table counts as one, which only overestimates) and charges each paragraph the square
// of its count against a budget no real document comes near. A paragraph
// of more than emphRunCap runs that would overdraw the budget has its
// runs after the first emphRunCap escaped ("\*"), so that goldmark reads
// them as text: their characters stay, and any emphasis they would have
// made is lost. Positions do not count the inserted backslashes
// (lineIndex.inserted). Runs inside code spans are left alone.

// emphRunCap is the number of runs a paragraph may always keep.
const emphRunCap = 256

// emphBudget is the sum of the paragraphs' squared run counts left to
// goldmark before a paragraph of more than emphRunCap runs is capped: one
// paragraph of emphBudgetRoot runs, about 50 ms of its time.
const (
	emphBudgetRoot = 1 << 13
	emphBudget     = emphBudgetRoot * emphBudgetRoot
)

// limitEmphasisRuns returns src with the costly delimiter runs escaped
// once the budget is spent; src itself when nothing changes.
func limitEmphasisRuns(src []byte) []byte {
	// Nothing is escaped unless the squares of the runs sum past the
	// budget, which takes more than emphBudgetRoot runs in all.
	if len(src) <= emphBudgetRoot ||
		bytes.Count(src, []byte{'*'})+bytes.Count(src, []byte{'_'})+bytes.Count(src, []byte{'~'}) <= emphBudgetRoot {
		return src
	}
	e := emphLimiter{src: src, budget: emphBudget}
	var fence []byte
	para := -1 // start of the paragraph being read, or -1 between them
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		_, _, rest := containerMarkers(line)
		switch {
		case fence != nil:
			if isFenceClose(rest, fence) {
				fence = nil
			}
		case isFenceOpen(rest) != nil:
			e.paragraph(para, start)
			para = -1
			fence = isFenceOpen(rest)
		case len(bytes.Trim(rest, " \t")) == 0:
			e.paragraph(para, start)
			para = -1
		case para < 0:
			para = start
		case startsBlock(line, rest):
			e.paragraph(para, start)
			para = start
		}
		start = end + 1
	}
	e.paragraph(para, len(src))
	if e.out == nil {
		return src
	}
	return append(e.out, src[e.last:]...)
}

// startsBlock reports whether line, whose container markers leave rest,
// starts a block of its own after a line of text: a list item or an ATX
// heading. (A quote's ">" continues its paragraph.)
func startsBlock(line, rest []byte) bool {
	if bytes.ContainsAny(line[:len(line)-len(rest)], "-+*.)") {
		return true // a list marker
	}
	rest = bytes.TrimLeft(rest, " ")
	n := 0
	for n < len(rest) && rest[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(rest) || rest[n] == ' ' || rest[n] == '\t')
}

// An emphLimiter charges paragraphs against the budget and escapes the
// runs of those that exceed it.
type emphLimiter struct {
	src    []byte
	budget int
	out    []byte // the escaped copy, made at the first escape
	last   int    // src[last:] is not yet copied to out
}

// paragraph charges src[start:end], a paragraph (nothing when start < 0).
func (e *emphLimiter) paragraph(start, end int) {
	if start < 0 {
		return
	}
	runs := e.runs(start, end, -1)
	if cost := runs * runs; runs <= emphRunCap || cost <= e.budget {
		e.budget -= cost
		return
	}
	e.runs(start, end, emphRunCap)
}

// runs counts the delimiter runs of src[start:end] outside code spans:
// goldmark keeps every run on its list, whether or not it can open or
// close. With keep ≥ 0 it escapes every run after the first keep.
func (e *emphLimiter) runs(start, end, keep int) int {
	src := e.src
	n := 0
	for i := start; i < end; {
		c := src[i]
		switch {
		case c == '\\':
			i += 2 // an escaped character is text
			continue
		case c == '`':
			i = skipCodeSpan(src[:end], i)
			continue
		case !isDelimiterByte(c):
			i++
			continue
		}
		j := i
		for j < end && src[j] == c {
			j++
		}
		n++
		if keep >= 0 && n > keep {
			e.escape(i, j)
		}
		i = j
	}
	return n
}

// isDelimiterByte reports whether c makes delimiter runs: emphasis and
// strikethrough.
func isDelimiterByte(c byte) bool { return c == '*' || c == '_' || c == '~' }

// escape copies src up to the run src[i:j] and the run with each
// character escaped.
func (e *emphLimiter) escape(i, j int) {
	if e.out == nil {
		e.out = make([]byte, 0, len(e.src)+len(e.src)/2)
	}
	e.out = append(e.out, e.src[e.last:i]...)
	for _, c := range e.src[i:j] {
		e.out = append(e.out, '\\', c)
	}
	e.last = j
}

// skipCodeSpan returns the offset after the code span that starts with
// the backtick run at src[i], or after the run when no run of the same
// length closes it (the run is then text).
func skipCodeSpan(src []byte, i int) int {
	j := i
	for j < len(src) && src[j] == '`' {
		j++
	}
	n := j - i
	for k := j; k < len(src); {
		if src[k] != '`' {
			k++
			continue
		}
		m := k
		for m < len(src) && src[m] == '`' {
			m++
		}
		if m-k == n {
			return m
		}
		k = m
	}
	return j
}

package article

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// How a simple paragraph's emphasis delimiters open, close and match:
// goldmark's ScanDelimiter and ProcessDelimiters, on tokens.

// runeBefore returns the rune that ends just before src[k], read as
// goldmark's PrecendingCharacter reads it: back to a rune start, then
// forward (on invalid UTF-8 that is not utf8.DecodeLastRune's answer);
// with no rune start before k, a newline.
func runeBefore(src []byte, k int) rune {
	i := k - 1
	for i >= 0 && !utf8.RuneStart(src[i]) {
		i--
	}
	if i < 0 {
		return '\n'
	}
	r, _ := utf8.DecodeRune(src[i:])
	return r
}

// flanking reports whether a run of c between before and after can open
// and close emphasis, as goldmark's ScanDelimiter decides.
func flanking(c byte, before, after rune) (open, close bool) {
	beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
	afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	if c == '_' {
		return left && (!right || beforePunct), right && (!left || afterPunct)
	}
	return left, right
}

// maxOpenRuns bounds the delimiter runs left open before a closer that
// emphasis searches back through.
const maxOpenRuns = 32

// emphasis matches the delimiter runs after the first bottom of s.delims
// as goldmark's ProcessDelimiters does, and reports false where goldmark
// would leave any part of a run as text or match runs of two lengths.
func (s *simpleScan) emphasis(bottom int) bool {
	for i := bottom; i < len(s.delims); {
		closer := &s.toks[s.delims[i]]
		if !closer.canClose {
			i++
			continue
		}
		found, maybe := -1, false
		if i-bottom > maxOpenRuns {
			// goldmark's search back is quadratic in the runs left open
			// (see body_emphscan.go); it keeps such paragraphs.
			return false
		}
		for j := i - 1; j >= bottom; j-- {
			o := &s.toks[s.delims[j]]
			if o.canOpen && o.char == closer.char {
				maybe = true
				if consumption(o, closer) > 0 {
					found = j
					break
				}
			}
		}
		if found < 0 {
			if !maybe && !closer.canOpen {
				return false // goldmark makes it text
			}
			i++
			continue
		}
		o := &s.toks[s.delims[found]]
		if found != i-1 || o.n != closer.n {
			return false // runs between become text, or a run is split
		}
		o.kind, closer.kind = tokEmphOpen, tokEmphClose
		s.delims = append(s.delims[:found], s.delims[i+1:]...)
		i = found
	}
	return true
}

// consumption is how many characters of each run goldmark's match of
// opener and closer takes (Delimiter.CalcComsumption; 0: no match).
func consumption(opener, closer *inlineTok) int {
	if (opener.canClose || closer.canOpen) && (opener.n+closer.n)%3 == 0 && closer.n%3 != 0 {
		return 0
	}
	if opener.n >= 2 && closer.n >= 2 {
		return 2
	}
	return 1
}

// clearDelimiters turns the runs left open at the end of the paragraph
// into text, as goldmark's ClearDelimiters does, last first: a run joins
// the text before it when that text ends where the run starts and has no
// soft line break (MergeOrReplaceTextSegment); otherwise it becomes a
// text of its own. (Runs emphasis could not match before a closer were
// declined there: goldmark makes them text at another moment.) News text
// holds such runs where a bold ends in a full-width mark and CJK text
// follows, **风险提示：**市场, which CommonMark does not close.
func (s *simpleScan) clearDelimiters() {
	for i := len(s.delims) - 1; i >= 0; i-- {
		k := s.delims[i]
		start, stop := s.toks[k].pos, s.toks[k].pos+int32(s.toks[k].n)
		if k > 0 {
			if p := &s.toks[k-1]; p.kind == tokText && p.stop == start && !p.soft {
				p.stop = stop
				s.toks = append(s.toks[:k], s.toks[k+1:]...)
				continue
			}
		}
		s.toks[k] = inlineTok{kind: tokText, start: start, stop: stop}
	}
	s.delims = s.delims[:0]
}

package article

import (
	"strings"
	"unicode/utf8"
)

// Runs of dots and dashes: when a run of . or 。 (spaced or not) is an
// ellipsis, and what it and a run of dashes become.

// ellipsis decides the run of r in [i, j): ..., 。。。 and a lone … in CJK
// context become ……
func (st *state) ellipsis(i, j int) {
	ts := st.toks
	r := ts[i].r
	if st.on&bEllipsis == 0 {
		return
	}
	cjk := st.dotsCJK(i, j)
	switch {
	case r == '.' && j-i >= 3 && cjk, r == '。' && j-i >= 3, r == '…' && j-i == 1 && cjk:
	default:
		return
	}
	st.makeEllipsis(i, j)
}

// dotsCJK reports whether the run of marks [i, j) stands in CJK context,
// where ... and a lone … are an ellipsis.
func (st *state) dotsCJK(i, j int) bool {
	L, R := st.left[i], st.right[j-1]
	switch L {
	case cCJK:
		return true
	case cLatin, cDigit:
		// 增长33.80%... but not Wait... or 1...10
		return R != cLatin && R != cDigit && R != cOther && st.sentenceCJK(i)
	case cOther:
		return false
	}
	return R == cCJK
}

// dotRow decides the row of dots that the run [i, j) starts — runs of .
// and 。 with nothing between them, or only spaces that punctuation-space
// removes — as the next pass will read it, and returns the row's end, or
// 0 when its runs are decided one by one. Each run comes out as it would
// alone — a lone mark as mark decides it, two marks as they are — unless
// it is of the rune the row comes out as, and so joins the run before it
// in the next pass, where it is no lone mark: then it stays. Where
// three or more marks in two runs or more all come out as 。, the spaces
// between them go and the next pass reads one run of 。, an ellipsis
// (国. . . is 国……, not 国。。。); where they all come out as . with no
// space between them, one run of dots, an ellipsis in CJK context.
func (st *state) dotRow(i, j int) int {
	if j-i > 2 || st.on&bEllipsis == 0 {
		return 0
	}
	k := st.nextDots(j)
	if k < 0 {
		return 0 // the common case: a dot, and no other after it
	}
	ts := st.toks
	out := st.dotsBecome(i, j)
	end, marks, runs := j, j-i, 1
	for k >= 0 && (k == end || out == '。') { // spaces stay beside an ASCII dot
		e := k + 1
		for e < len(ts) && ts[e].r == ts[k].r && plain(ts[e]) {
			e++
		}
		// 他0.。 。 is the row 。。。: its lone 。 join the 。 that the
		// dot becomes, and are not narrowed as lone marks after an
		// English sentence "0." would be.
		if e-k > 2 || ts[k].r != out && st.dotsBecome(k, e) != out {
			break
		}
		end, marks, runs = e, marks+e-k, runs+1
		k = st.nextDots(end)
	}
	if runs < 2 || marks < 3 || out == '.' && !st.dotsCJK(i, end) {
		return 0
	}
	return end
}

// dotsBecome returns the rune that the run of one or two dots [i, j)
// comes out as, decided alone.
func (st *state) dotsBecome(i, j int) rune {
	if j-i == 1 {
		return st.markRune(i)
	}
	return st.toks[i].r
}

// nextDots returns where a run of dots starts at token k or after the
// spaces there that punctuation-space may remove, or -1.
func (st *state) nextDots(k int) int {
	ts := st.toks
	if st.on&bPunctuationSpace != 0 {
		k = pastSpaces(ts, k)
	}
	if k < len(ts) && (ts[k].r == '.' || ts[k].r == '。') && plain(ts[k]) {
		return k
	}
	return -1
}

// makeEllipsis turns the tokens [i, j) into ……, recording the edit.
func (st *state) makeEllipsis(i, j int) {
	ts := st.toks
	st.changed = true
	if st.record {
		var old []byte
		for k := i; k < j; k++ {
			old = utf8.AppendRune(old, ts[k].r)
		}
		st.edit(bEllipsis, ts[i], string(old), "……")
	}
	ts[i].kind = kEllipsis
	for k := i + 1; k < j; k++ {
		ts[k].kind = kDrop
	}
}

// spacedRun extends the run of 。 in [i, j) past spaces that
// punctuation-space removes to the 。 after them, and returns its end and
// the number of marks in it; end is j when no space joins another mark.
func (st *state) spacedRun(i, j int) (end, marks int) {
	ts := st.toks
	end, marks = j, j-i
	if st.on&bPunctuationSpace == 0 {
		return end, marks
	}
	for {
		s := pastSpaces(ts, end)
		if s == end || s == len(ts) || ts[s].r != '。' || !plain(ts[s]) {
			return end, marks
		}
		for end = s; end < len(ts) && ts[end].r == '。' && plain(ts[end]); end++ {
			marks++
		}
	}
}

// dash decides the run of hyphens in [i, j): -- between CJK becomes ——.
func (st *state) dash(i, j int) {
	if st.on&bDash == 0 {
		return
	}
	ts := st.toks
	p := i - 1
	for p >= 0 && st.class(p) == cSpace && ts[p].src >= 0 {
		p--
	}
	q := j
	for q < len(ts) && st.class(q) == cSpace && ts[q].src >= 0 {
		q++
	}
	if p < 0 || q == len(ts) || st.class(p) != cCJK || st.class(q) != cCJK {
		return
	}
	st.changed = true
	if st.record {
		st.edit(bDash, ts[i], strings.Repeat("-", j-i), "——")
	}
	ts[i].kind = kDash
	for k := i + 1; k < j; k++ {
		ts[k].kind = kDrop
	}
}

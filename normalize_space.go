package article

import (
	"strings"
	"unicode/utf8"
)

// emit writes the tokens out, expanding ellipses and dashes and applying
// the space rules, which look at the final form of each neighbour.
func (st *state) emit() {
	in := st.toks
	// out stays nil, and nothing is copied, until the first change.
	var out []tok
	at := func(i int) []tok {
		if out == nil {
			out = append(st.tmp[:0], in[:i]...)
		}
		return out
	}
	spacing := st.on&bCJKSpace != 0 && st.profile != ProfileJapanese
	for i := 0; i < len(in); i++ {
		if !spacing {
			// Copy, or pass over, what needs no decision in one go.
			j := i
			for j < len(in) && in[j].kind == kKeep && in[j].r != ' ' {
				j++
			}
			if out != nil {
				out = append(out, in[i:j]...)
			}
			if i = j; i == len(in) {
				break
			}
		}
		t := in[i]
		switch t.kind {
		case kDrop:
			at(i)
			continue
		case kEllipsis, kDash:
			t.r = '…'
			if t.kind == kDash {
				t.r = '—'
			}
			t.kind = kKeep
			out = append(at(i), t, t)
			continue
		}
		if t.r == ' ' && plain(t) {
			j := pastSpaces(in, i+1)
			if j-i == 1 && i > 0 && j < len(in) && plainWord(in[i-1]) && plainWord(in[j]) {
				// One space between words: the common case.
				if out != nil {
					out = append(out, t)
				}
				continue
			}
			if keep := st.spaces(in, i, j); keep != j-i {
				out = append(at(i), in[i:i+keep]...)
			} else if out != nil {
				out = append(out, in[i:j]...)
			}
			i = j - 1
			continue
		}
		if spacing && i > 0 {
			p := in[i-1]
			if out != nil {
				p = out[len(out)-1]
			}
			if needSpace(p, t) {
				sp := tok{r: ' ', src: t.src, off: t.off}
				if p.src >= 0 && p.src != t.src || t.src < 0 {
					sp.src, sp.off = p.src, p.off+int32(utf8.RuneLen(p.r))
				}
				st.changed = true
				if st.record {
					st.edit(bCJKSpace, sp, "", " ")
				}
				out = append(at(i), sp)
			}
		}
		if t.kind == kSpaceAfter {
			out = append(at(i), t, tok{r: ' ', src: t.src, off: t.off})
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out != nil {
		st.swap(out)
	}
}

// plainWord reports whether t is a letter, digit or mark of a word, ASCII
// or Han, written as it is: no space next to it is removed or collapsed.
func plainWord(t tok) bool {
	return t.src >= 0 && t.kind == kKeep && (t.r > ' ' && t.r < 0x7F || t.r >= 0x4E00 && t.r <= 0x9FFF)
}

// spaces decides the run of spaces in[i:j]: removed next to full-width
// punctuation, collapsed to one elsewhere inside a line, kept as they are
// at the edges of a line. It returns how many spaces to keep.
func (st *state) spaces(in []tok, i, j int) int {
	if i == 0 || j == len(in) || tokClass(in[i-1]) == cSpace || tokClass(in[j]) == cSpace {
		return j - i
	}
	if p, n := in[i-1], in[j]; j-i == 1 && p.r >= 0 && p.r < 0x80 && n.r >= 0 && n.r < 0x80 && p.kind == kKeep && n.kind == kKeep {
		return 1 // one space between ASCII: nothing to collapse, no wide neighbour
	}
	if st.on&bPunctuationSpace != 0 && wideNeighbour(in, i, j) && !splitsNumbers(in, i, j) {
		st.changed = true
		if st.record {
			st.edit(bPunctuationSpace, in[i], strings.Repeat(" ", j-i), "")
		}
		return 0
	}
	if j-i > 1 && st.on&bCollapseSpace != 0 {
		st.changed = true
		if st.record {
			st.edit(bCollapseSpace, in[i], strings.Repeat(" ", j-i), " ")
		}
		return 1
	}
	return j - i
}

// wideNeighbour reports whether the spaces in[i:j] touch full-width
// punctuation, as it will be written: a CJK mark, a doubled …… or ——,
// or a curly quote whose other side is CJK.
func wideNeighbour(in []tok, i, j int) bool {
	k := i - 1
	for k > 0 && in[k].kind == kDrop {
		k--
	}
	last, next := in[k], in[j]
	pr, nr := finalRune(last), finalRune(next)
	// An emoticon's full-width mark keeps the spaces beside it, as its
	// ASCII would: (:） A is the emoticon ":)" and a word, and without
	// the space the next pass would read :）A, which is none.
	if last.src < 0 || last.flag&(fProt|fArt) != 0 {
		pr = 'x'
	}
	if next.src < 0 || next.flag&(fProt|fArt) != 0 {
		nr = 'x'
	}
	// Full-width symbols (＃＋／…) are not punctuation: RuleFullwidth
	// narrows one that touches a letter or digit, so removing a space
	// next to one would leave work for a second pass.
	if isWidePunct(pr) && !isWideSymbol(pr) || isWidePunct(nr) && !isWideSymbol(nr) {
		return true
	}
	if (pr == '…' || pr == '—') && (last.kind == kEllipsis || last.kind == kDash || last.kind == kKeep && inRun(in, k, pr)) {
		return true
	}
	if (nr == '…' || nr == '—') && (next.kind == kEllipsis || next.kind == kDash || next.kind == kKeep && inRun(in, j, nr)) {
		return true
	}
	cjkish := func(r rune) bool { return isCJK(r) || isWidePunct(r) }
	return isCurly(pr) && cjkish(nr) || isCurly(nr) && cjkish(pr)
}

// pastSpaces returns the index of the first token at or after k that is
// not a space punctuation-space may remove (a plain ' ').
func pastSpaces(in []tok, k int) int {
	for k < len(in) && in[k].r == ' ' && plain(in[k]) {
		k++
	}
	return k
}

// beforeSpaces returns the index of the last token at or before k that
// is not a space punctuation-space may remove, or -1.
func beforeSpaces(in []tok, k int) int {
	for k >= 0 && in[k].r == ' ' && plain(in[k]) {
		k--
	}
	return k
}

// inRun reports whether the … or — r at in[k] has another beside it,
// looking past the spaces this rule removes between them: "…… …" is one
// run of ellipses, and so is what one pass makes of it. A lone one is
// English, and keeps its spaces.
func inRun(in []tok, k int, r rune) bool {
	m := beforeSpaces(in, k-1)
	for m > 0 && in[m].kind == kDrop {
		m-- // the first rune of a run written as …… or ——
	}
	if m >= 0 && in[m].src >= 0 && finalRune(in[m]) == r {
		return true
	}
	m = pastSpaces(in, k+1)
	return m < len(in) && in[m].src >= 0 && finalRune(in[m]) == r
}

// splitsNumbers reports whether the spaces in[i:j] part a full-width
// full stop from a number, with a number on its other side too: 1。 2 or
// 1 。2. They are kept, as they are when the stop is narrowed (1. 2):
// without them the next pass would read 1。2, a stop between digits, as
// part of one number, and judge the sentences around it otherwise.
func splitsNumbers(in []tok, i, j int) bool {
	switch {
	case wideStop(in[i-1]) && isDigitTok(in[j]):
		k := beforeSpaces(in, i-2)
		return k >= 0 && isDigitTok(in[k])
	case wideStop(in[j]) && isDigitTok(in[i-1]):
		k := pastSpaces(in, j+1)
		return k < len(in) && isDigitTok(in[k])
	}
	return false
}

func wideStop(t tok) bool   { return (t.r == '。' || t.r == '．') && t.kind == kKeep && t.src >= 0 }
func isDigitTok(t tok) bool { return isDigitRune(t.r) && t.src >= 0 }

func isCurly(r rune) bool { return r == '“' || r == '”' || r == '‘' || r == '’' }

// finalRune is the rune token t will be written as.
func finalRune(t tok) rune {
	switch t.kind {
	case kEllipsis:
		return '…'
	case kDash:
		return '—'
	}
	return t.r
}

// needSpace reports whether RuleCJKSpace puts a space between p and t.
func needSpace(p, t tok) bool {
	a, b := spaceClass(p), spaceClass(t)
	return a == cCJK && b == cLatin || a == cLatin && b == cCJK
}

func spaceClass(t tok) uint8 {
	switch {
	case t.r == opaque || t.src >= 0 && t.flag&fProt != 0 && t.r != ' ':
		return cLatin
	case t.src < 0:
		return cSpace
	case isAlnumRune(t.r):
		return cLatin
	case isCJK(t.r):
		return cCJK
	}
	return cPunct
}

package article

import (
	"strings"
	"unicode/utf8"
)

// emit writes the tokens out, expanding ellipses and dashes and applying
// the space rules, which look at the final form of each neighbour.
func (st *state) emit() {
	in := st.toks
	out := st.tmp[:0]
	spacing := st.on&bCJKSpace != 0 && st.profile != ProfileJapanese
	for i := 0; i < len(in); i++ {
		t := in[i]
		switch t.kind {
		case kDrop:
			continue
		case kEllipsis, kDash:
			t.r = '…'
			if t.kind == kDash {
				t.r = '—'
			}
			t.kind = kKeep
			out = append(out, t, t)
			continue
		}
		if t.r == ' ' && t.src >= 0 {
			j := i + 1
			for j < len(in) && in[j].r == ' ' && in[j].src >= 0 {
				j++
			}
			out = st.spaces(out, in, i, j)
			i = j - 1
			continue
		}
		if spacing && len(out) > 0 && needSpace(out[len(out)-1], t) {
			p := out[len(out)-1]
			sp := tok{r: ' ', src: t.src, off: t.off}
			if p.src >= 0 && p.src != t.src || t.src < 0 {
				sp.src, sp.off = p.src, p.off+int32(utf8.RuneLen(p.r))
			}
			st.edit(bCJKSpace, sp, "", " ")
			out = append(out, sp)
		}
		out = append(out, t)
		if t.kind == kSpaceAfter {
			out = append(out, tok{r: ' ', src: t.src, off: t.off})
		}
	}
	st.swap(out)
}

// spaces writes the run of spaces in[i:j] to out: removed next to
// full-width punctuation, collapsed to one elsewhere inside a line, kept
// as they are at the edges of a line.
func (st *state) spaces(out, in []tok, i, j int) []tok {
	if len(out) == 0 || j == len(in) || tokClass(out[len(out)-1]) == cSpace || tokClass(in[j]) == cSpace {
		return append(out, in[i:j]...)
	}
	if st.on&bPunctuationSpace != 0 && st.wideNeighbour(out, in, j) {
		st.edit(bPunctuationSpace, in[i], strings.Repeat(" ", j-i), "")
		return out
	}
	if j-i > 1 && st.on&bCollapseSpace != 0 {
		st.edit(bCollapseSpace, in[i], strings.Repeat(" ", j-i), " ")
		return append(out, in[i])
	}
	return append(out, in[i:j]...)
}

// wideNeighbour reports whether the spaces between the last token of out
// and in[j] touch full-width punctuation: a CJK mark, a doubled …… or ——,
// or a curly quote whose other side is CJK.
func (st *state) wideNeighbour(out, in []tok, j int) bool {
	p := out[len(out)-1]
	pr, nr := p.r, finalRune(in[j])
	if p.src < 0 || p.flag&fProt != 0 {
		pr = 'x'
	}
	if in[j].src < 0 || in[j].flag&fProt != 0 {
		nr = 'x'
	}
	if isWidePunct(pr) || isWidePunct(nr) {
		return true
	}
	if (pr == '…' || pr == '—') && len(out) > 1 && out[len(out)-2].r == pr {
		return true
	}
	if (nr == '…' || nr == '—') && (in[j].kind != kKeep && in[j].kind != kSpaceAfter ||
		j+1 < len(in) && in[j+1].r == nr && in[j+1].kind == kKeep) {
		return true
	}
	cjkish := func(r rune) bool { return isCJK(r) || isWidePunct(r) }
	if isCurly(pr) && cjkish(nr) || isCurly(nr) && cjkish(pr) {
		return true
	}
	return false
}

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

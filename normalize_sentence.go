package article

// Which language a sentence is in, where it ends, and the letter before a
// mark: what the punctuation rules ask of the text around a mark.

// sentenceCJK reports whether the sentence the mark at i belongs to is
// Chinese or Japanese.
func (st *state) sentenceCJK(i int) bool { return st.sentenceLang(i) == langCJK }

// sentenceLang returns the language of the sentence the mark at i
// belongs to. It is CJK when a CJK letter comes before the mark, back to
// the start of the sentence; English when two or more Latin words do
// with no CJK among them. A parenthetical or quotation of one word
// (“abstract(ABS)。”) belongs to the sentence around it; a sentence of
// one word (“JFGI！”) takes the language of the sentence before it. Text
// that gives no evidence either way is unknown, and then no mark changes.
func (st *state) sentenceLang(i int) uint8 {
	words, inWord := 0, false // inWord: in a word that has been counted
	steps := 0
	for j := i - 1; j >= 0; j-- {
		if steps += sentenceStep(st.toks[j]); steps > 1024 {
			return langUnknown
		}
		c := st.class(j)
		switch c {
		case cCJK:
			return langCJK
		case cOther:
			return langUnknown
		case cLatin, cDigit:
			st.countWord(j, &inWord, &words)
			continue
		}
		inWord = false
		if !st.isBoundary(j) {
			continue
		}
		if words >= 2 {
			return langEnglish
		}
		if st.isTerminal(j) {
			switch st.letterBefore(j) {
			case cCJK:
				return langCJK
			case cLatin, cDigit:
				return langEnglish
			}
			break
		}
	}
	// The start of the sentence: count the words after the mark.
	inWord, steps = false, 0
	for k := i + 1; k < len(st.cls); k++ {
		if steps += sentenceStep(st.toks[k]); steps > 1024 {
			break
		}
		c := st.class(k)
		switch c {
		case cCJK, cOther:
			return langUnknown
		case cLatin, cDigit:
			st.countWord(k, &inWord, &words)
			continue
		}
		inWord = false
		if st.isTerminal(k) {
			break
		}
	}
	if words >= 2 {
		return langEnglish
	}
	return langUnknown
}

// sentenceStep returns 1 for a token that counts towards sentenceLang's
// bound of 1 024 tokens each way, and 0 for a space or a mark of the runs
// that the rules shorten or lengthen (... and 。。。 become ……, -- ——, a
// lone … ……): a pass that collapses spaces or makes an ellipsis leaves
// the count as it found it, and so the decision. The bound stays linear:
// a token that does not count is passed over by at most 1 024 scans.
func sentenceStep(t tok) int {
	switch t.r {
	case ' ', '.', '。', '…', '-', '—':
		return 0
	}
	return 1
}

// countWord counts token k towards the English words of a sentence: a
// word counts when it has a Latin letter, so numbers and code spans do not.
func (st *state) countWord(k int, inWord *bool, words *int) {
	if !*inWord && st.class(k) == cLatin && st.toks[k].r != opaque {
		*inWord = true
		*words++
	}
}

// letterBefore returns the class of the nearest letter before token j,
// however far back: a bound on the marks between would let a pass that
// changes their number (... into ……) decide differently the next time.
// The answers for all tokens are found in one forward pass, on first use.
func (st *state) letterBefore(j int) uint8 {
	if !st.beforeOK {
		st.before = resize(st.before, len(st.cls))
		last := cNone
		for k := range st.before {
			st.before[k] = last
			switch c := st.class(k); c {
			case cCJK, cLatin, cDigit, cOther:
				last = c
			}
		}
		st.beforeOK = true
	}
	return st.before[j]
}

// isBoundary reports whether token j ends or opens a sentence, in either
// width: a terminal mark, an opening bracket or a quote.
func (st *state) isBoundary(j int) bool {
	t := st.toks[j]
	if st.isTerminal(j) {
		return true
	}
	return t.src >= 0 && t.flag&(fProt|fNum) == 0 && (isOpener(t.r) || isQuote(t.r))
}

// isTerminal reports whether token j ends a sentence, in either width.
func (st *state) isTerminal(j int) bool {
	ts := st.toks
	t := ts[j]
	if t.src < 0 {
		return t.r == '\n'
	}
	if t.flag&(fProt|fNum) != 0 {
		return false
	}
	switch t.r {
	case '。', '！', '？', '!', '?', '…', '\n':
		return true
	case '.', '．':
		// A dot that mark has narrowed before a letter has the space
		// it adds after it already, as the next pass will see it.
		return t.kind == kSpaceAfter || !(j+1 < len(ts) && isAlnumRune(ts[j+1].r))
	}
	return false
}

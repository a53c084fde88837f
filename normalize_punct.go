package article

// The punctuation rules decide each mark from its context: the class of
// the nearest letter on each side (looking past spaces, brackets, quotes
// and other sentence punctuation, in either width) and, when that is
// Latin, the language of the sentence the mark ends. None of these
// depends on the width of a mark, so a second pass sees what the first
// saw and changes nothing.

// plain reports whether t is an unprotected rune of a Text.
func plain(t tok) bool { return t.src >= 0 && t.flag&(fProt|fKeep) == 0 }

// tokClass is the class of a token for context decisions.
func tokClass(t tok) uint8 {
	switch {
	case t.r == opaque:
		return cLatin
	case t.src < 0:
		return cSpace // a hard line break
	case t.flag&(fProt|fNum) != 0:
		// A protected span is a word: Latin where it has letters, a
		// number elsewhere (the dot of 3.14, the % of 33.80%).
		if isLetterRune(t.r) {
			return cLatin
		}
		return cDigit
	}
	return runeClass(t.r)
}

// classes protects the words of the run and fills cls for every token,
// cand with the plain tokens the pair
// and mark passes look at, and, for those tokens only, left, right and
// cjk: those passes read nothing else, and writing three arrays for every
// rune would cost more than all the decisions.
func (st *state) classes() {
	ts := st.toks
	n := len(ts)
	st.cls = resize(st.cls, n)
	st.beforeOK = false
	st.left = resize(st.left, n)
	st.right = resize(st.right, n)
	if cap(st.cjk) < n {
		st.cjk = make([]int32, n)
	}
	st.cjk = st.cjk[:n]
	cls, left, cjk := st.cls[:n], st.left[:n], st.cjk[:n]
	cand := st.cand[:0]
	last, count := cNone, int32(0)
	st.kana = false
	word := 0 // the words before token word are protected
	for i := range ts {
		if r := ts[i].r; r >= 0x4E00 && r <= 0x9FFF && ts[i].src >= 0 && ts[i].flag&fProt == 0 {
			// Han, the common case: in no word, no candidate, no kana.
			cls[i] = cCJK
			count++
			last = cCJK
			continue
		}
		if i >= word && st.wordByte(ts[i]) != 0 {
			word = st.protectWordAt(i)
		}
		t := ts[i]
		var c, a uint8
		if t.r >= 0 && t.r < 0x80 && t.flag&fProt == 0 && t.src >= 0 {
			a = asciiInfo[t.r]
			c = a & aClass
		} else {
			c = tokClass(t)
			a = c
			if t.flag&fNum != 0 {
				a |= aCand
			} else if t.r != opaque && t.flag&fProt == 0 {
				// A hard break is looked past, as a newline is.
				if skipLeft(t.r) {
					a |= aSkipLeft
				}
				if skipRight(t.r) {
					a |= aSkipRight
				}
				// A kept bracket still pairs, so that its partner
				// pairs alike in both widths; set leaves it as it is.
				if t.r >= 0x2000 && t.src >= 0 && (t.flag&fKeep == 0 || t.r == '（' || t.r == '）') && isCand(t.r) {
					a |= aCand
				}
			}
		}
		cls[i] = a &^ aSkipLeft
		if a&aCand != 0 {
			cand = append(cand, int32(i))
			left[i] = last
			cjk[i] = count
		}
		if c == cCJK {
			count++
			st.kana = st.kana || isKana(t.r)
		}
		if a&aSkipLeft == 0 {
			last = c
		}
	}
	st.cand = cand
	// The right context of each candidate, found by looking forward no
	// further than the next candidate, whose own answer serves beyond
	// it: each token is passed over at most once, and most not at all.
	right := st.right[:n]
	for k := len(cand) - 1; k >= 0; k-- {
		c, end := int(cand[k]), n
		if k+1 < len(cand) {
			end = int(cand[k+1])
		}
		m := c + 1
		for m < end && cls[m]&aSkipRight != 0 {
			m++
		}
		switch {
		case m < end || m < n && cls[m]&aSkipRight == 0:
			right[c] = cls[m] & aClass
		case m < n:
			right[c] = right[m]
		default:
			right[c] = cNone
		}
	}
}

// class returns the class of token i.
func (st *state) class(i int) uint8 { return st.cls[i] & aClass }

// isCand reports whether the non-ASCII rune r is one the pair and mark
// passes look at.
func isCand(r rune) bool {
	switch r {
	case '（', '）', '［', '］', '“', '”',
		'。', '…', '，', '：', '；', '！', '？', '．', '•', '‧', '・':
		return true
	}
	return false
}

// asciiInfo holds, for each ASCII rune as an unprotected rune of a Text,
// its class and whether skipLeft, skipRight and isCand hold.
var asciiInfo = func() (t [0x80]uint8) {
	for r := rune(0); r < 0x80; r++ {
		a := runeClass(r)
		if skipLeft(r) {
			a |= aSkipLeft
		}
		if skipRight(r) {
			a |= aSkipRight
		}
		switch r {
		case '(', ')', '[', ']', '"', '.', '-', ',', ':', ';', '!', '?':
			a |= aCand
		}
		t[r] = a
	}
	return t
}()

// Bits of asciiInfo above the class.
const (
	aClass     = 0x0F
	aSkipLeft  = 0x10
	aSkipRight = 0x20
	aCand      = 0x40
)

func resize(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	return b[:n]
}

// punctuate applies the punctuation rules. The caller skips it for a run
// without CJK or full-width marks, where there is nothing to decide.
func (st *state) punctuate() {
	const all = bPunctuation | bBrackets | bQuotes | bLatinPunctuation | bEllipsis | bDash | bMiddleDot
	if st.on&all == 0 {
		st.protect() // for the space rules
		return
	}
	ts := st.toks
	st.classes()
	st.pairs()
	next := 0 // tokens before next are decided
	for _, ci := range st.cand {
		i := int(ci)
		if i < next {
			continue
		}
		t := ts[i]
		switch r := t.r; r {
		case '.', '。', '…', '-':
			j := i + 1
			for j < len(ts) && ts[j].r == r && plain(ts[j]) {
				j++
			}
			if i > 0 && ts[i-1].r == r && ts[i-1].src >= 0 && !plain(ts[i-1]) {
				// The rest of a run whose first mark is protected
				// (A。。 after the initial A。) is left with it: the
				// run is one, as it was before a space went.
				next = j
				continue
			}
			if r == '。' {
				if end, marks := st.spacedRun(i, j); end > j && st.nextDots(end) < 0 {
					// 。 。。 is the run 。。。 that removing its spaces
					// makes: decide it as the next pass would.
					if marks >= 3 && st.on&bEllipsis != 0 {
						// Its spaces go with it, as punctuation-space
						// would take them.
						st.makeEllipsis(i, end)
					}
					next = end
					continue
				}
			}
			if r == '.' || r == '。' {
				if end := st.dotRow(i, j); end > 0 {
					st.makeEllipsis(i, end)
					next = end
					continue
				}
			}
			switch {
			case r == '-':
				if j-i >= 2 {
					st.dash(i, j)
				}
			case j-i == 1 && r != '…':
				st.mark(i)
			default:
				st.ellipsis(i, j)
			}
			next = j
		case ',', ':', ';', '!', '?', '，', '：', '；', '！', '？', '．':
			st.mark(i)
		case '•', '‧', '・':
			if st.on&bMiddleDot != 0 && st.profile != ProfileJapanese && !(r == '・' && st.kana) && i > 0 && i+1 < len(ts) &&
				plain(ts[i-1]) && plain(ts[i+1]) && isHan(ts[i-1].r) && isHan(ts[i+1].r) {
				st.changed = true
				if st.record {
					st.edit(bMiddleDot, t, string(r), "·")
				}
				ts[i].r = '·'
			}
		}
	}
}

// pairs applies the bracket and quote rules, which decide a pair at a
// time.
func (st *state) pairs() {
	ts := st.toks
	if st.on&bBrackets != 0 {
		stack := st.stack[:0]
		for _, ci := range st.cand {
			i, t := int(ci), ts[ci]
			// Square brackets are tracked so that a half-open interval,
			// (3，5] or [0，6), pairs with nothing.
			switch t.r {
			case '(', '（', '[', '［':
				stack = append(stack, int32(i))
			case ')', '）':
				if n := len(stack); n > 0 {
					if o := int(stack[n-1]); ts[o].r == '(' || ts[o].r == '（' {
						st.bracketPair(o, i)
					}
					stack = stack[:n-1]
				}
			case ']', '］':
				if n := len(stack); n > 0 {
					stack = stack[:n-1]
				}
			}
		}
		st.stack = stack
	}
	if st.on&bQuotes != 0 {
		q := st.stack[:0]
		for _, i := range st.cand {
			if isQuote(ts[i].r) {
				q = append(q, i)
			}
		}
		st.stack = q
		if len(q)%2 != 0 {
			return // unbalanced: which is which cannot be known
		}
		for k := 0; k < len(q); k += 2 {
			o, c := int(q[k]), int(q[k+1])
			l, r := st.left[o], st.right[c]
			if l == cOther || r == cOther {
				continue
			}
			if st.cjk[c] > st.cjk[o] || l == cCJK || r == cCJK {
				st.set(bQuotes, o, '“')
				st.set(bQuotes, c, '”')
			}
		}
	}
}

// set changes token i to r, recording the edit.
func (st *state) set(bit ruleSet, i int, r rune) {
	if t := st.toks[i]; t.r != r && t.flag&fKeep == 0 {
		st.changed = true
		if st.record {
			st.edit(bit, t, string(t.r), string(r))
		}
		st.toks[i].r = r
	}
}

// bracketPair decides the parentheses at o and c.
func (st *state) bracketPair(o, c int) {
	l, r := st.left[o], st.right[c]
	if l == cOther || r == cOther {
		return
	}
	var wide bool
	switch {
	case st.cjk[c] > st.cjk[o], l == cCJK:
		wide = true
	case l == cLatin || l == cDigit:
	case r == cCJK:
		wide = true
	case r == cLatin || r == cDigit:
	default:
		return
	}
	if wide {
		st.set(bBrackets, o, '（')
		st.set(bBrackets, c, '）')
	} else {
		st.set(bBrackets, o, '(')
		st.set(bBrackets, c, ')')
	}
}

// mark decides the sentence punctuation mark at i.
func (st *state) mark(i int) {
	ts := st.toks
	r := ts[i].r
	n := st.markRune(i)
	if n == r {
		return
	}
	if r < 0x80 {
		st.set(bPunctuation, i, n)
		return
	}
	// A space goes before a letter, protected or not (an initial, a
	// URL), and after 。 before a digit too, unless it joins digits:
	// without one the next pass would read "A0.A" or "Ab.2", whose dot
	// ends no sentence, where 。 ended one.
	if next := i + 1; next < len(ts) && ts[next].src >= 0 &&
		(isLetterRune(ts[next].r) || r == '。' && isDigitRune(ts[next].r) && ts[i].flag&fNum == 0) {
		st.changed = true
		if st.record {
			st.edit(bLatinPunctuation, ts[i], string(r), string(n)+" ")
		}
		ts[i].kind = kSpaceAfter
	} else {
		st.changed = true
		if st.record {
			st.edit(bLatinPunctuation, ts[i], string(r), string(n))
		}
	}
	ts[i].r = n
}

// markRune returns what the sentence punctuation mark at i becomes, r
// itself when no rule changes it. It changes nothing, so that a row of
// dots can be decided before its marks are (see dotRow).
func (st *state) markRune(i int) rune {
	ts := st.toks
	r := ts[i].r
	L, R := st.left[i], st.right[i]
	if L == cOther || R == cOther {
		return r
	}
	if r < 0x80 {
		if st.on&bPunctuation == 0 {
			return r
		}
		conv := false
		switch L {
		case cCJK:
			// 新浪.com and 文件.txt keep their dot.
			conv = !(r == '.' && i+1 < len(ts) && isAlnumRune(ts[i+1].r))
		case cLatin, cDigit:
			conv = R != cLatin && R != cDigit && st.sentenceCJK(i)
		}
		if conv {
			return st.wideOf(r)
		}
		return r
	}
	if st.on&bLatinPunctuation == 0 || L != cLatin && L != cDigit || R == cCJK {
		return r
	}
	numeric := (r == '：' || r == '．') && st.betweenNumbers(i) // 16：32, 3．14
	if !numeric && st.sentenceLang(i) != langEnglish {
		return r
	}
	return narrowOf(r)
}

// betweenNumbers reports whether the mark at i joins two numbers, as in
// 16：32 (and not A1：2023). Spaces around the mark do not count: the
// punctuation-space rule would remove them, and the next pass would then
// see 16：32, so deciding without them keeps one pass a fixed point.
func (st *state) betweenNumbers(i int) bool {
	ts := st.toks
	l, r := i-1, i+1
	for l >= 0 && ts[l].r == ' ' {
		l--
	}
	for r < len(ts) && ts[r].r == ' ' {
		r++
	}
	if l < 0 || r == len(ts) || !isDigitRune(ts[l].r) || !isDigitRune(ts[r].r) {
		return false
	}
	for k := l; k >= 0 && isAlnumRune(ts[k].r); k-- {
		if !isDigitRune(ts[k].r) {
			return false
		}
	}
	return true
}

func (st *state) wideOf(r rune) rune {
	if st.profile == ProfileJapanese {
		switch r {
		case ',':
			return '、'
		case '.':
			return '。'
		}
	}
	switch r {
	case ',':
		return '，'
	case '.':
		return '。'
	case ':':
		return '：'
	case ';':
		return '；'
	case '!':
		return '！'
	case '?':
		return '？'
	}
	return r
}

func narrowOf(r rune) rune {
	switch r {
	case '。', '．':
		return '.'
	}
	return r - 0xFEE0 // ，：；！？
}

// Sentence languages.
const (
	langUnknown uint8 = iota
	langCJK
	langEnglish
)

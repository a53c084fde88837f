package article

import (
	"bytes"
	"slices"
	"strings"
)

// Protected spans are found in the ASCII words of a run (maximal runs of
// printable, non-space ASCII): URLs, e-mail addresses, file paths,
// numbers, emoticons, placeholders and English abbreviations. No rule
// changes a rune inside one, and the punctuation rules treat a span as a
// Latin word. Scanning is by hand: no regexp on the hot path.
//
// A word is read as the next pass will read it. A full-width mark that
// the punctuation rules may narrow or widen (，。：；！？．（）) stands for
// its ASCII form and ends the word before it: narrowed, it may end that
// word — 0。A。A becomes 0。A. A, where "A." is an initial — and the
// space after it, added when it is narrowed before a letter or removed
// when it stays full-width, starts a new one. A full-width mark inside a
// span keeps its width (fKeep), but stays punctuation to its neighbours,
// as it was before it joined. One between digits (fNum) may change, and
// is part of the number to its neighbours in either width.

// protect marks the protected tokens of the run. punctuate does the
// same word by word as it goes, in its first pass.
func (st *state) protect() {
	ts := st.toks
	for i := 0; i < len(ts); i++ {
		if st.wordByte(ts[i]) != 0 {
			i = st.protectWordAt(i) - 1
		}
	}
}

// protectWordAt marks the protected tokens of the word that starts at
// token i, and returns its end.
func (st *state) protectWordAt(i int) int {
	ts := st.toks
	// A word of letters and digits has nothing to protect: no rule
	// changes letters or digits once they are ASCII. Nor has a word
	// without a digit or one of the bytes that start or join a
	// protected span, such as "(NMRI)".
	maybe, marks, last := false, 0, byte(0)
	gaps := false // the word goes on past spaces: see dotJoins
	j := i
	for {
		for j < len(ts) {
			var c byte
			if r := ts[j].r; r > ' ' && r < 0x7F && ts[j].src >= 0 {
				c = byte(r)
				j++
			} else if c = st.wordByte(ts[j]); c == 0 {
				break
			} else if j++; !st.joinsNext(j - 1) {
				// A full-width mark ends the word: see wordByte.
				k := wordKind[c]
				maybe, marks, last = maybe || k&wProt != 0, marks+int(k&wMark), c
				break
			}
			k := wordKind[c]
			maybe, marks, last = maybe || k&wProt != 0, marks+int(k&wMark), c
		}
		n := st.dotJoins(last, j)
		if n < 0 {
			break
		}
		gaps, j = true, n
	}
	if marks == 0 || !maybe || j-i == 1 {
		return j // a lone mark, such as 。, is no span either
	}
	if k := j - 1; ts[k].r >= 0x80 && k > i && j < len(ts) && isDigitRune(ts[st.wordTokBefore(i, k)].r) && isDigitRune(ts[j].r) && ts[j].src >= 0 {
		if c := st.wordByte(ts[k]); c == '.' || c == ':' || c == ',' {
			// A mark between digits is left to the rules, which
			// narrow １６：３２ and ３．１４, but is part of the number
			// to its neighbours, as it will be once narrowed.
			ts[k].flag |= fNum
		}
	}
	if marks == 1 && !isAlnumByte(last) && last != '.' && last != '%' {
		// One mark, ending a word of letters and digits (title:, 2013,)
		// or alone: no span starts or ends there but an abbreviation's
		// dot and a number's %.
		return j
	}
	w, wide := st.buf[:0], false
	for _, t := range ts[i:j] {
		if t.r < 0x80 {
			w = append(w, byte(t.r))
		} else {
			w = append(w, st.wordByte(t))
			wide = true
		}
	}
	if gaps {
		w = slices.DeleteFunc(w, func(c byte) bool { return c == ' ' }) // see dotJoins
	}
	st.buf = w
	var forms []byte // nil for a word of ASCII without gaps, the common case
	if wide || gaps {
		forms = st.forms[:0]
		gap, prev := false, byte(0)
		for _, t := range ts[i:j] {
			if t.r == ' ' {
				gap = true
				continue
			}
			f := formOf(t.r)
			if gap && f == 0 && prev == 0 {
				f = formGap // between ASCII: see formOf
			}
			forms = append(forms, f)
			gap, prev = false, f&^formGap
		}
		st.forms = forms
	}
	// at maps a byte of w to its token, where the word has gaps.
	at := st.wordToks[:0]
	if gaps {
		for k := i; k < j; k++ {
			if ts[k].r != ' ' {
				at = append(at, int32(k))
			}
		}
		st.wordToks = at
	}
	protectWord(w, forms, st.wordEnd(j), func(a, b int, art bool) {
		wide := false
		for k := a; k < b && forms != nil; k++ {
			wide = wide || forms[k]&^formGap != 0
		}
		for k := a; k < b; k++ {
			t := &ts[i+k]
			if gaps {
				t = &ts[at[k]]
			}
			switch {
			case t.r < 0x80:
				// An emoticon is typed in ASCII: with a full-width
				// mark, its ASCII is punctuation (职业：(**伪**)),
				// and only the mark keeps its width.
				if !art || !wide {
					t.flag |= fProt
				}
			case k > 0 && k+1 < len(w) && isDigitByte(w[k-1]) && isDigitByte(w[k+1]):
				// A mark between digits is left to the rules, which
				// narrow １６：３２ and ３．１４, but is part of the
				// number to its neighbours, as it will be.
				t.flag |= fNum
			case art:
				t.flag |= fKeep | fArt
			default:
				t.flag |= fKeep
			}
		}
	})
	return j
}

// wordEnd returns what follows a word that ends before token j, for
// protectWord: 0 for a letter, ' ' for a space, punctuation or the end of
// the run, and the ASCII form of a mark that is or may turn full-width
// after spaces that punctuation-space may remove. Such a mark takes the
// spaces once it is full-width, and the next pass reads it right after
// the word: 哈:D ! became 哈:D！, where ":D" is no emoticon, as in :D!.
// (The spaces after an emoticon's own full-width mark stay: see fArt.)
func (st *state) wordEnd(j int) byte {
	ts := st.toks
	if j < len(ts) && ts[j].r == ' ' && plain(ts[j]) && st.on&bPunctuationSpace != 0 {
		if n := pastSpaces(ts, j); n < len(ts) && plain(ts[n]) {
			if c := st.wordByte(ts[n]); c != 0 && bytes.IndexByte(wideMarks, c) >= 0 {
				return c
			}
		}
		return ' '
	}
	if j == len(ts) || ts[j].src < 0 && ts[j].r != opaque {
		return ' '
	}
	if c := runeClass(ts[j].r); c == cSpace || c == cPunct {
		return ' '
	}
	return 0
}

// wideMarks holds the ASCII forms of the marks wordByte reads a
// full-width mark as.
var wideMarks = []byte("!(),.:;?")

// wordTokBefore returns the token before token k of the word that starts
// at token i, passing over a gap of spaces.
func (st *state) wordTokBefore(i, k int) int {
	for k--; k > i && st.toks[k].r == ' '; k-- {
	}
	return k
}

// dotJoins returns the token after the spaces that start at token k,
// which follow a dot of either width or a slash (c), when the word goes
// on there, and -1 when it ends before them. It goes on from a dot to a
// dot or a slash, and from a slash to a dot: the spaces between them go
// when the dot stays or turns full-width, and the next pass then reads
// one word, so it is read so now, whatever becomes of them. A dot and a
// slash start a path ("./", "/."): the dot that 国. /! widens to 。 would
// lose its space and start "./" in the next pass. A row of dots is one
// run: 。。 。/ is read as "...", where no path starts, as the next pass
// reads 。。。/, and 他#. 。/ as "#../", as 他#.。/ is read.
func (st *state) dotJoins(c byte, k int) int {
	ts := st.toks
	if c != '.' && c != '/' || k == len(ts) || ts[k].r != ' ' || st.on&bPunctuationSpace == 0 {
		return -1
	}
	n := pastSpaces(ts, k)
	if n == k || n == len(ts) || !plain(ts[n]) {
		return -1
	}
	switch r := ts[n].r; {
	case r == '.' || r == '。', r == '/' && c == '.':
		return n
	}
	return -1
}

// joinsNext reports whether the full-width mark at token k joins the word
// that follows it. It does when narrowing it would put no space between
// them, so that the next pass reads one word: before a mark, and before a
// digit unless it is 。 (see mark).
func (st *state) joinsNext(k int) bool {
	if k+1 >= len(st.toks) {
		return false
	}
	c := st.wordByte(st.toks[k+1])
	return c != 0 && !isLetterByte(c) && !(st.toks[k].r == '。' && isDigitByte(c))
}

// wordKind holds, for each byte of a word, wMark when it is no letter or
// digit and wProt when protByte holds it: what protectWordAt counts.
var wordKind = func() (t [0x80]uint8) {
	for c := byte(0x21); c < 0x7F; c++ {
		if !isAlnumByte(c) {
			t[c] |= wMark
		}
		if protByte[c] {
			t[c] |= wProt
		}
	}
	return t
}()

const (
	wMark = 1 << iota
	wProt
)

// protByte holds the bytes that every protected span has one of: digits
// (numbers), : and . (URLs, www., abbreviations, shortcodes, emoticons),
// / and \ (paths), @, the other emoticon bytes ;=^XT, % and the braces.
var protByte = func() (t [0x7F]bool) {
	for _, c := range []byte("0123456789:./\\@;=^XT%{$]!") {
		t[c] = true
	}
	return t
}()

// wordByte returns the byte token t stands for in a word, or 0 when t is
// not part of one: printable ASCII other than the space stands for
// itself, a full-width mark that may change width for its ASCII form
// (and ends the word). Curly quotes are not read as ": keeping one
// inside a span would change how the quotes after it pair up.
func (st *state) wordByte(t tok) byte {
	switch r := t.r; {
	case t.src < 0:
		return 0
	case r > ' ' && r < 0x7F:
		return byte(r)
	case r < 0x3001:
		return 0
	case r >= 0xFF01 && r <= 0xFF1F:
		return wideMark[r-0xFF01]
	case r == '。':
		return '.'
	case r == '、' && st.profile == ProfileJapanese:
		return ','
	}
	return 0
}

// formOf returns a byte that tells apart the full-width marks that
// wordByte reads alike (。 and ． are both "."), and 0 for ASCII. The
// marks a word holds are ！ to ？ (U+FF01 to U+FF1F), 。 and 、, so the
// low byte, with the top bit set for 。 and 、, is enough. Forms also
// carry formGap on an ASCII byte after a gap of spaces (see dotJoins)
// with ASCII before it: runs of dots part there as where their rune
// changes (.. ./ stays two runs, whether the lone dot turns 。 and the
// space goes or not), and a URL or a link target ends there, as at a
// space. Next to a full-width mark the forms differ already, and two 。
// with spaces between them are one run (see spacedRun).
const formGap = 0x40

func formOf(r rune) byte {
	switch {
	case r < 0x80:
		return 0
	case r >= 0xFF00 && r <= 0xFF7F:
		return byte(r - 0xFF00)
	}
	return 0x80 | byte(r)
}

// wideMark holds, for U+FF01 to U+FF1F, the ASCII form of each mark the
// punctuation rules may narrow, or that they make from ASCII: ！（），．：；？.
var wideMark = func() (t [0x1F]byte) {
	for _, c := range wideMarks {
		t[rune(c)+0xFEE0-0xFF01] = c
	}
	return t
}()

// protectWord calls mark for each protected span [a, b) of the ASCII word
// w, with art set for an emoticon. forms, if not nil, tells which bytes
// stand for a full-width mark (see formOf). end tells what follows w
// (see wordEnd): 0 for a letter, ' ' for a space, punctuation or the end
// of the run, or a mark that the next pass reads right after w.
func protectWord(w, forms []byte, end byte, mark func(a, b int, art bool)) {
	// One lookup per byte, without a branch: words are short, and a
	// switch per byte costs more than the rest of most of them.
	var has uint8
	for _, c := range w {
		has |= spanByte[c]
	}
	colon, dot, at, slash := has&sbColon != 0, has&sbDot != 0, has&sbAt != 0, has&sbSlash != 0
	// URLs: scheme://… and www.…
	firstURL := len(w)
	for k := 0; k < len(w) && (colon && slash || dot); {
		s, e := findURL(w, forms, k)
		if s < 0 {
			break
		}
		firstURL = min(firstURL, s)
		mark(s, e, false)
		k = e
	}
	// E-mail addresses.
	for k := 0; k < len(w) && at; k++ {
		if w[k] != '@' {
			continue
		}
		s := k
		for s > 0 && (isAlnumByte(w[s-1]) || strings.IndexByte("._%+-", w[s-1]) >= 0) {
			s--
		}
		e := k + 1
		for e < len(w) && (isAlnumByte(w[e]) || w[e] == '.' || w[e] == '-') {
			e++
		}
		for e > k+1 && (w[e-1] == '.' || w[e-1] == '-') {
			e--
		}
		// The domain needs a dot that is not the full stop after it,
		// or the second pass, seeing 。 there, would judge otherwise.
		dot := bytes.IndexByte(w[k+1:e], '.') >= 0
		if s < k && dot && e > k+2 && bytes.ContainsFunc(w[s:k], func(c rune) bool { return c < 0x80 && isAlnumByte(byte(c)) }) {
			mark(s, e, false)
		}
	}
	// File paths, before the first URL: what follows a URL is the
	// URL's. Looking for "://" instead would let a colon that turns
	// full-width (见://0/0) decide whether the rest is a path. A path
	// ends at , ; or :, so a word may hold more than one ("/0,"/0#),
	// each a word of its own once the quote between them turns curly.
	for k := 0; slash && k < firstURL; {
		s, e := findPath(w[:firstURL], forms, k)
		if s < 0 {
			break
		}
		mark(s, e, false)
		k = e
	}
	for k := 0; k < len(w); k++ {
		if !spanStart[w[k]&0x7F] {
			continue
		}
		switch c := w[k]; {
		case isDigitByte(c) || (c == '-' || c == '+') && k+1 < len(w) && isDigitByte(w[k+1]) && (k == 0 || !isAlnumByte(w[k-1])):
			// Numbers: 3.14, 10:30, 1.2.3, 1,000, -255, 33.80%, 1/2.
			e := k + 1
			for e < len(w) {
				if isDigitByte(w[e]) {
					e++
				} else if strings.IndexByte(".:,/", w[e]) >= 0 && e+1 < len(w) && isDigitByte(w[e+1]) {
					e += 2
				} else {
					break
				}
			}
			if e < len(w) && w[e] == '%' {
				e++
			}
			mark(k, e, false)
			k = e - 1
		case c == ':' && (k == 0 || !isAlnumByte(w[k-1])) && shortcodeAt(w, forms, k) > 0:
			n := shortcodeAt(w, forms, k)
			mark(k, k+n, false)
			k += n - 1
		case c == ':' || c == ';' || c == '=' || c == '^' || c == 'X' || c == 'T':
			if n := emoticon(w[k:], end); n > 0 && (k == 0 || !isAlnumByte(w[k-1]) || c == ':' || c == ';') {
				mark(k, k+n, true)
				k += n - 1
			}
		case c == '%':
			if n := placeholder(w[k:]); n > 0 {
				mark(k, k+n, false)
				k += n - 1
			}
		case c == '$' && k+1 < len(w) && w[k+1] == '{', c == '{':
			if e := bytes.IndexByte(w[k:], '}'); e > 0 && (c == '$' || braceName(w[k+1:k+e])) && (forms == nil || asciiForms(forms[k:k+e])) {
				e += k + 1
				if c == '{' && k+1 < len(w) && w[k+1] == '{' {
					if x := bytes.Index(w[k:], []byte("}}")); x > 0 {
						e = k + x + 2
					}
				}
				mark(k, e, false)
				k = e - 1
			}
		case c == '.':
			if n := abbreviation(w, k); n >= 0 {
				mark(n, k+1, false)
			}
		case c == ']' && k+1 < len(w) && w[k+1] == '(':
			// The target of a Markdown link or image, in text that
			// was not parsed: ](https://example.com/a_(b)). Like a
			// URL, it is typed in ASCII and ends at a full-width mark,
			// as the quiet scan reads it: 接]( !! became 接](！!,
			// whose target must not take in the ！!.
			e, depth := k+2, 1
			for ; e < len(w) && depth > 0 && (forms == nil || forms[e] == 0); e++ {
				switch w[e] {
				case '(':
					depth++
				case ')':
					depth--
				}
			}
			mark(k+1, e, false) // not the ], which belongs to the link text
			k = e - 1
		case c == '!' && k+1 < len(w) && w[k+1] == '[':
			mark(k, k+1, false) // ![ starts a Markdown image

		}
	}
}

// spanByte holds, for the bytes that say which kinds of span a word may
// hold, which they are: see protectWord.
var spanByte = func() (t [0x100]uint8) {
	t[':'], t['.'], t['@'], t['/'], t['\\'] = sbColon, sbDot, sbAt, sbSlash, sbSlash
	return t
}()

const (
	sbColon = 1 << iota
	sbDot
	sbAt
	sbSlash
)

// spanStart holds the bytes at which the last loop of protectWord may
// start a span, so that it passes over the others at once.
var spanStart = func() (t [0x80]bool) {
	for _, c := range []byte("0123456789-+:;=^XT%${.]!") {
		t[c] = true
	}
	return t
}()

package article

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Most runs of real text have nothing to change: English, or Chinese
// that already uses full-width punctuation. A quiet scan proves that in
// one pass over the runes, without building tokens, by looking for
// anything that could make a rule fire. It is conservative: a run it
// lets through is left as it is, byte for byte; a run it stops goes
// through the rules, which may still change nothing. FuzzNormalize checks
// the first half of that promise.

// A quietScan is the state of a quiet scan over the pieces of one run.
type quietScan struct {
	spacing bool // RuleCJKSpace is on: CJK next to ASCII is a trigger

	loud   bool // something outside the punctuation rules may fire
	punct  bool // something the punctuation rules look at is there
	wide   bool // a rune ≥ U+2000 is there: the punctuation rules run
	nfc    bool // a rune not known to be in NFC in any context is there
	quotes bool // the curly quotes so far alternate “ ” and end with ”

	prev  rune  // the rune before, or -1 at the start
	last  uint8 // class of the last rune a mark looks past skipLeft to
	space int   // length of the run of spaces that ends at prev
	edge  bool  // the run of spaces starts a line (or the run)
	dots  int   // length of the run of … that ends at prev
	open  bool  // prev is （ not after CJK: the next rune must be CJK
	cjk   bool  // a CJK letter has come since the last sentence boundary
	brace bool  // a { or $ has come, which may start a span that ends anywhere
}

// cMaybeLatin is the class a quiet scan gives printable ASCII, which may
// be a Latin letter or part of a protected span.
const cMaybeLatin = cLatin

func (q *quietScan) reset(spacing bool) {
	*q = quietScan{spacing: spacing, quotes: true, prev: -1, last: cNone, edge: true}
}

// quiet reports whether s, normalized as one run, is certain to come out
// as it went in.
func quiet(s string, spacing bool) bool {
	var q quietScan
	q.reset(spacing)
	q.text(s)
	if !q.done() {
		return false
	}
	return !q.nfc || norm.NFC.IsNormalString(s)
}

// done finishes the scan and reports whether the run is quiet, apart
// from the NFC check that q.nfc asks for.
func (q *quietScan) done() bool {
	q.end()
	return !q.stopped()
}

// end handles what the end of the run decides.
func (q *quietScan) end() {
	if q.dots == 1 || q.open {
		q.punct = true
	}
	if isSentenceMark(q.prev) {
		q.punct = true // a mark with no letter after it
	}
}

// opaqueTok feeds an inline element that is never changed: a Latin word
// to its neighbours.
func (q *quietScan) opaqueTok() {
	if q.prev == '.' {
		q.cjk = false // the dot before it ends a sentence, as before no letter
	}
	q.rune('a')
}

// breakTok feeds a hard line break.
func (q *quietScan) breakTok() { q.rune('\n') }

// text feeds the runes of s. It stops at the first sign of work, when
// the run can no longer be quiet (see stopped); only the slow paths and
// the Han fast path can give one, so only they check.
func (q *quietScan) text(s string) {
	for i := 0; i < len(s); {
		if q.open || q.dots != 0 || q.spacing {
			if i = q.next(s, i); q.stopped() {
				return
			}
			continue
		}
		// Fast paths, for what affects nothing but the context, in
		// runs where they can: letters and digits after at most one
		// space; after anything but a sentence mark, marks no rule
		// looks at, spaces and newlines; Han after at most one space.
		c := s[i]
		if c < utf8.RuneSelf {
			k := quietASCII[c]
			switch {
			case k == qaAlnum && q.space <= 1:
				j := i + 1
				for j < len(s) && quietASCII[s[j]] == qaAlnum {
					j++
				}
				q.prev, q.last, q.space = rune(s[j-1]), cMaybeLatin, 0
				i = j
				continue
			case c == '(' && q.prev == ']' && !q.brace:
				i = q.linkTarget(s, i)
				continue
			case isSentenceMark(q.prev):
			case k == qaPlain && q.space <= 1 && !(c == '-' && q.prev == '-' || (c == '{' || c == '%') && q.prev == '{'):
				q.prev, q.last, q.space = rune(c), cMaybeLatin, 0
				q.cjk = q.cjk && c != '['
				q.brace = q.brace || c == '{' || c == '$'
				i++
				continue
			case c == ' ' && q.space > 0:
				q.prev = ' '
				q.space++
				i++
				continue
			case c == ' ' && (q.prev < 0x80 || q.prev >= 0x4E00 && q.prev <= 0x9FFF):
				q.edge = q.prev < 0 || isSpaceRune(q.prev)
				q.prev, q.space = ' ', 1
				i++
				continue
			case c == '\n':
				q.prev, q.space, q.cjk = '\n', 0, false
				i++
				continue
			}
		} else if c >= 0xE4 && c <= 0xE9 && q.space <= 1 && !isSentenceMark(q.prev) {
			// A run of Han (U+4E00 to U+9FFF), decoded in place.
			j, r := i, rune(0)
			for j+2 < len(s) && s[j] >= 0xE4 && s[j] <= 0xE9 && s[j+1]&0xC0 == 0x80 && s[j+2]&0xC0 == 0x80 {
				x := rune(s[j]&0x0F)<<12 | rune(s[j+1]&0x3F)<<6 | rune(s[j+2]&0x3F)
				if x < 0x4E00 {
					break
				}
				r = x
				j += 3
			}
			if j > i {
				q.prev, q.last, q.space, q.wide, q.cjk = r, cCJK, 0, true, true
				if q.punct {
					return // work for the punctuation rules
				}
				i = j
				continue
			}
		}
		if i = q.next(s, i); q.stopped() {
			return
		}
	}
}

// stopped reports whether the scan has found work: the run is not quiet,
// whatever follows.
func (q *quietScan) stopped() bool { return q.loud || q.wide && q.punct }

// linkTarget feeds the target of a Markdown link or image, "](" followed
// by printable ASCII up to the matching ")", starting at the ( at s[i],
// and returns the index after it. Inside a word, such a target is a
// protected span (see protectWord), so it is only Latin context, and
// what follows it is fed as usual. It stops early at a { (a template
// may start there) and where the word ends.
func (q *quietScan) linkTarget(s string, i int) int {
	depth := 0
	j := i
	for ; j < len(s) && s[j] > ' ' && s[j] < 0x7F && s[j] != '{'; j++ {
		if s[j] == '(' {
			depth++
		} else if s[j] == ')' {
			if depth--; depth == 0 {
				j++
				break
			}
		}
	}
	q.prev, q.last, q.space = rune(s[j-1]), cMaybeLatin, 0
	return j
}

// Kinds of ASCII bytes for the fast paths of text.
const (
	qaOther = iota
	qaAlnum
	qaPlain // a mark no rule looks at: it is Latin context and nothing else
)

var quietASCII = func() (t [0x100]uint8) {
	for c := 0; c < 0x80; c++ {
		if isAlnumByte(byte(c)) {
			t[c] = qaAlnum
		}
	}
	for _, c := range []byte("#$%&'*+-/<=>@[\\]^_`{|}~") {
		t[c] = qaPlain
	}
	return t
}()

// next feeds the rune at s[i] and returns the index after it.
func (q *quietScan) next(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		q.rune(rune(c))
		return i + 1
	}
	r, size := decodeRune(s, i)
	if !q.open && q.dots == 0 && !q.spacing && !isSentenceMark(q.prev) &&
		(r == '，' || r == '。' || r == '、') && q.space == 0 && q.last == cCJK && q.prev != '。' {
		// A Chinese comma or full stop after Han.
		q.prev, q.wide = r, true
		q.cjk = q.cjk && r != '。'
		return i + size
	}
	if r == utf8.RuneError && size == 1 {
		q.loud = true // invalid UTF-8 becomes U+FFFD
	}
	q.rune(r)
	return i + size
}

func isSentenceMark(r rune) bool {
	switch r {
	case ',', '.', ':', ';', '!', '?':
		return true
	}
	return false
}

// rune feeds one rune.
func (q *quietScan) rune(r rune) {
	p := q.prev
	q.prev = r
	if p == '.' && !isAlnumRune(r) {
		// A dot ends a sentence unless a letter or digit follows
		// (3.14, example.com), so it is judged by what comes next.
		q.cjk = false
	}

	// Runs of spaces: collapsed inside a line, removed next to
	// full-width punctuation.
	if r == ' ' {
		if q.space == 0 {
			q.edge = p < 0 || isSpaceRune(p)
			if p >= 0x80 && !isCJK(p) {
				q.loud = true
			}
		}
		q.space++
	} else if q.space > 0 {
		if !isSpaceRune(r) && (q.space > 1 && !q.edge || r >= 0x80 && !isCJK(r)) {
			q.loud = true
		}
		q.space = 0
	}

	// A mark between two ASCII letters or digits never changes (3.14,
	// a,b); any other is looked at.
	if isSentenceMark(p) && !isAlnumRune(r) {
		q.punct = true
	}
	if isSentenceMark(r) && !isAlnumRune(p) {
		q.punct = true
	}
	if q.open && !isCJK(r) {
		q.punct = true
	}
	q.open = false
	if r != '…' {
		if q.dots == 1 {
			q.punct = true // a lone …
		}
		q.dots = 0
	}
	if q.spacing && p >= 0 && (isCJK(p) && r > ' ' && r < 0x7F || isCJK(r) && p > ' ' && p < 0x7F) {
		q.loud = true
	}

	if r < 0x80 {
		if r != '.' && isBoundaryRune(r) {
			q.cjk = false
		}
		switch {
		case r < ' ' && r != '\t' && r != '\n' && r != '\r', r == 0x7F:
			q.loud = true
		case r == '(' || r == ')' || r == '"':
			q.punct = true
		case r == '-' && p == '-':
			q.punct = true
		case r == '{' || r == '$':
			q.brace = true
			if r == '{' && p == '{' {
				q.loud = true // a template action is protected whole
			}
		case r == '%' && p == '{':
			q.loud = true // a template action is protected whole
		}
		if r > ' ' {
			q.last = cMaybeLatin
		}
		return
	}

	if r >= 0x2000 {
		q.wide = true
	}
	if !nfcSafe(r) {
		q.nfc = true
	}
	switch {
	case isInvisible(r), r == 0x200C, r == 0x200D:
		q.loud = true
	case r >= 0xFF01 && r <= 0xFF5E && (isWideAlnum(r) || isWideSymbol(r)), r >= 0xFF61 && r <= 0xFF9F:
		q.loud = true
	}
	switch r {
	case '，', '：', '；', '！', '？', '．', '。':
		// Made half-width only after a Latin letter or digit, and then
		// not in a sentence with CJK before the mark (：and ． may
		// join numbers); 。。。 is an ellipsis.
		if (q.last == cLatin || q.last == cDigit) && (!q.cjk || r == '：' || r == '．') || r == '。' && p == '。' {
			q.punct = true
		}
	case '（':
		// Made half-width only when neither what it follows nor what
		// it holds is CJK.
		q.open = q.last != cCJK
	case '…':
		q.dots++
	case '“':
		q.quotes = !q.quotes
		if q.quotes {
			q.punct = true
		}
	case '”':
		q.quotes = !q.quotes
		if !q.quotes {
			q.punct = true
		}
	case '•', '‧', '・':
		q.punct = true
	}
	if !skipLeft(r) {
		q.last = runeClass(r)
		if q.last == cCJK {
			q.cjk = true
		}
	}
	if isBoundaryRune(r) {
		q.cjk = false
	}
}

// isBoundaryRune reports whether r may end or open a sentence, as
// (*state).isBoundary sees it, in a run without protected CJK.
func isBoundaryRune(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '…', '\n', '.', '"', '“', '”':
		return true
	}
	return isOpener(r)
}

// isSpaceRune reports whether r is in class cSpace.
func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || r == 0x3000
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte
// sequences of CJK text decoded inline.
func decodeRune(s string, i int) (rune, int) {
	if i+2 < len(s) {
		c0, c1, c2 := s[i], s[i+1], s[i+2]
		if c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

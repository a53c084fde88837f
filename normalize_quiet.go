package article

import (
	"strings"
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
// the run can no longer be quiet (see stopped); next, and the fast paths
// that set wide or punct, can give one, so text checks after each.
func (q *quietScan) text(s string) {
	for i := 0; i < len(s); {
		if !q.open && q.dots == 0 && !q.spacing {
			if i = q.fast(s, i); i == len(s) || q.stopped() {
				return
			}
		}
		if i = q.next(s, i); q.stopped() {
			return
		}
	}
}

// fast feeds s from i on through the fast paths, for what affects
// nothing but the context, as long as one applies, and returns where
// none does (or len(s)); the caller checks stopped. It is for runs where
// the fast paths can be taken at all: no （ or … waiting for the next
// rune, no CJK spacing. They take letters and digits after at most one
// space; a sentence mark after a letter or digit, and a space after a
// sentence mark; after anything but a sentence mark, marks no rule looks
// at, spaces and newlines; Han and kana after at most one space, and
// ，。、 right after them. Each does what rune would do with that rune
// in that context, and no more.
//
// The fields the fast paths change most are kept in locals and written
// back on the way out: most runes of most runs pass here, and the
// compiler keeps locals in registers where it must store fields
// through q.
func (q *quietScan) fast(s string, i int) int {
	prev, last, space, edge, cjk, brace := q.prev, q.last, q.space, q.edge, q.cjk, q.brace
loop:
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			k := quietASCII[c]
			switch {
			case k == qaAlnum && space <= 1:
				j := proseEnd(s, i+1)
				if j-i > 2 && strings.IndexByte(s[i:j], ' ') >= 0 {
					edge = false // set by the last space passed over, after a letter
				}
				prev, last, space = rune(s[j-1]), cMaybeLatin, 0
				i = j
				continue
			case c == '(' && prev == ']' && !brace:
				i = linkTargetEnd(s, i)
				prev, last, space = rune(s[i-1]), cMaybeLatin, 0
				continue
			case space == 0 && isSentenceMark(rune(c)) && isAlnumRune(prev):
				// A mark between a letter or digit and what follows
				// is judged by what follows: it is no work yet.
				prev, last = rune(c), cMaybeLatin
				cjk = cjk && c != '!' && c != '?'
				i++
				continue
			case c == ' ' && isSentenceMark(prev):
				// A mark with no letter or digit after it is work
				// for the punctuation rules, if the run has CJK.
				cjk = cjk && prev != '.'
				prev, space, edge = ' ', 1, false
				q.punct = true
				i++
				if q.wide {
					break loop // stopped
				}
				continue
			case isSentenceMark(prev):
			case k == qaPlain && space <= 1 && !(c == '-' && prev == '-' || (c == '{' || c == '%') && prev == '{'):
				prev, last, space = rune(c), cMaybeLatin, 0
				cjk = cjk && c != '['
				brace = brace || c == '{' || c == '$'
				i++
				continue
			case c == ' ' && space > 0:
				prev = ' '
				space++
				i++
				continue
			case c == ' ' && (prev < 0x80 || quietCJK(prev)):
				edge = prev < 0 || isSpaceRune(prev)
				prev, space = ' ', 1
				i++
				continue
			case c == '\n':
				prev, space, cjk = '\n', 0, false
				i++
				continue
			}
		} else if space <= 1 && !isSentenceMark(prev) {
			if j, r := cjkRunEnd(s, i); j > i {
				prev, last, space, cjk = r, cCJK, 0, true
				q.wide = true
				i = j
				if q.punct {
					break // work for the punctuation rules: stopped
				}
				continue
			}
			if space == 0 && last == cCJK && prev != '。' {
				if r, size := decodeRune(s, i); r == '，' || r == '。' || r == '、' {
					// A Chinese comma or full stop after CJK.
					prev = r
					cjk = cjk && r != '。'
					q.wide = true
					i += size
					if q.punct {
						break // stopped
					}
					continue
				}
			}
		}
		break
	}
	q.prev, q.last, q.space, q.edge, q.cjk, q.brace = prev, last, space, edge, cjk, brace
	return i
}

// cjkRunEnd returns the end of the run of quietCJK runes at s[i:], and
// its last rune, decoding their three bytes in place.
func cjkRunEnd(s string, i int) (int, rune) {
	r := rune(0)
	for i+2 < len(s) {
		c0, c1, c2 := s[i], s[i+1], s[i+2]
		if c0 < 0xE3 || c0 > 0xE9 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			break
		}
		x := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if !quietCJK(x) {
			break
		}
		r = x
		i += 3
	}
	return i, r
}

// quietCJK reports whether r is a CJK letter that rune would only take
// as CJK context: Han from U+4E00 to U+9FFF and kana, but not the kana
// that are no letters (゛゜゠・) or that NFC may compose (U+3099, U+309A).
func quietCJK(r rune) bool {
	switch {
	case r >= 0x4E00:
		return r <= 0x9FFF
	case r < 0x3041 || r > 0x30FF:
		return false
	}
	return r <= 0x3096 || r >= 0x309D && r <= 0x309F || r >= 0x30A1 && r != 0x30FB
}

// proseEnd returns the end of the ASCII letters and digits at s[j:],
// with single spaces between them: prose, which the fast paths would
// take a word and a space at a time. It stops at a space that no letter
// or digit follows. The loop has one branch, taken at the end: a branch
// for each word would be mispredicted at each word's end.
func proseEnd(s string, j int) int {
	for ; j+1 < len(s); j++ {
		// A letter or digit, or a space before one.
		a, b := quietASCII[s[j]], quietASCII[s[j+1]]
		if (a|a>>qaSpaceShift&b)&qaAlnum == 0 {
			return j
		}
	}
	if j < len(s) && quietASCII[s[j]] == qaAlnum {
		j++
	}
	return j
}

// stopped reports whether the scan has found work: the run is not quiet,
// whatever follows.
func (q *quietScan) stopped() bool { return q.loud || q.wide && q.punct }

// linkTargetEnd returns the index after the target of a Markdown link or
// image, "](" followed by printable ASCII up to the matching ")",
// starting at the ( at s[i]. Inside a word, such a target is a protected
// span (see protectWord), so it is only Latin context, and what follows
// it is fed as usual. It stops early at a { (a template may start
// there) and where the word ends.
func linkTargetEnd(s string, i int) int {
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
	return j
}

// Kinds of ASCII bytes for the fast paths of text. qaAlnum is a single
// bit, and the space has a bit of its own, for proseEnd.
const (
	qaOther = 0
	qaAlnum = 1
	qaPlain = 2 // a mark no rule looks at: it is Latin context and nothing else
	qaSpace = 4

	qaSpaceShift = 2 // qaSpace>>qaSpaceShift == qaAlnum
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
	t[' '] = qaSpace
	return t
}()

// next feeds the rune at s[i] and returns the index after it.
func (q *quietScan) next(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		q.rune(rune(c))
		return i + 1
	}
	r, size := decodeRune(s, i)
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

package article

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// A text run is normalized as a slice of tokens, one per rune, each
// remembering which Text it came from (src) and where in that Text
// (off), so that the result can be written back across inline elements
// and every edit can be placed. A code span, image or footnote reference
// inside the run is one opaque token: a neighbour that is never changed.

// opaque is the rune of a token that stands for an inline element whose
// text is never changed (a code span, image or footnote reference).
const opaque rune = -1

// Token flags.
const (
	fProt uint8 = 1 << iota // inside a protected span: never changed
	fKeep                   // a full-width mark inside a protected span: never changed, still punctuation
	fNum                    // a full-width mark between the digits of a protected span: classed as protected, may change
	fArt                    // a full-width mark kept in an emoticon: the spaces beside it stay
)

// Token kinds, set by the punctuation pass for the output pass.
const (
	kKeep       uint8 = iota
	kEllipsis         // first rune of a run written as ……
	kDash             // first rune of a run written as ——
	kDrop             // the rest of such a run
	kSpaceAfter       // a mark made half-width before a Latin letter: add a space
)

type tok struct {
	r    rune
	src  int32 // index of the Text the rune came from; -1 for opaque tokens and line breaks
	off  int32 // byte offset of the rune in that Text, as it was written
	flag uint8
	kind uint8
}

// A rawEdit is an edit in run coordinates; the caller turns it into an
// [Edit] with a path and a position.
type rawEdit struct {
	bit      ruleSet
	src, off int32
	old, new string
}

// A state is the working memory of one run. States are pooled: the
// zero Normalizer is used from many goroutines at once.
type state struct {
	on      ruleSet
	profile Profile
	record  bool // collect edits
	changed bool

	toks, tmp   []tok
	dirty       bool // a rune cleanup may change was added
	unsafeNFC   bool // a rune nfcSafe does not vouch for was added
	wide        bool // a rune ≥ U+2000 was added: the punctuation rules run
	brace       bool // a { was added: there may be a template action
	cls         []uint8
	left, right []uint8
	before      []uint8 // see letterBefore
	beforeOK    bool
	cjk         []int32 // cjk[i] is the number of CJK letters before token i
	kana        bool    // the run has kana: it is Japanese
	stack       []int32
	cand        []int32 // plain tokens the pair and mark passes look at
	buf         []byte
	forms       []byte  // for protectWordAt: see formOf
	wordToks    []int32 // for protectWordAt
	edits       []rawEdit
}

var statePool = sync.Pool{New: func() any { return new(state) }}

func newState(on ruleSet, p Profile, record bool) *state {
	st := statePool.Get().(*state)
	st.on, st.profile, st.record, st.changed = on, p, record, false
	st.toks, st.edits = st.toks[:0], st.edits[:0]
	st.dirty, st.unsafeNFC, st.wide, st.brace = false, false, false, false
	return st
}

func (st *state) free() {
	if cap(st.toks) > 1<<16 {
		*st = state{} // do not pin the memory of one huge run
	}
	statePool.Put(st)
}

// addText appends the runes of s, which came from Text number src.
func (st *state) addText(s string, src int32) {
	// There are at most len(s) runes: write them in place, without
	// append's checks.
	n := len(st.toks)
	ts := slices.Grow(st.toks, len(s))[:n+len(s)]
	out := ts[n:]
	k := 0
	for i := 0; i < len(s) && k < len(out); k++ {
		if c := s[i]; c >= ' ' && c < 0x7F || c == '\n' {
			out[k] = tok{r: rune(c), src: src, off: int32(i)}
			i++
			continue
		}
		if c := s[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= 0x4E00 {
				// Han, decoded in place: nothing for cleanup or NFC,
				// work for punctuation.
				st.wide = true
				out[k] = tok{r: r, src: src, off: int32(i)}
				i += 3
				continue
			}
		}
		r, size := decodeRune(s, i)
		st.note(r)
		if r == utf8.RuneError && size == 1 {
			st.changed = true // invalid UTF-8 becomes U+FFFD
		}
		out[k] = tok{r: r, src: src, off: int32(i)}
		i += size
	}
	st.toks = ts[:n+k]
	st.brace = st.brace || strings.IndexByte(s, '{') >= 0
}

// note records what the rune r, which is not printable ASCII, asks of
// the passes: cleanup, the NFC check, the punctuation rules.
func (st *state) note(r rune) {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
	case r < 0xA0, r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0x180E || r == 0xFEFF:
		st.dirty = true
	case r >= 0xFF03 && r <= 0xFF9F:
		// Not the ，（）：！？； of Chinese text, which cleanup leaves.
		st.dirty = st.dirty || r >= 0xFF61 || isWideAlnum(r) || isWideSymbol(r)
	}
	if !nfcSafe(r) {
		st.unsafeNFC = true
	}
	if r >= 0x2000 {
		st.wide = true
	}
}

// addOpaque appends a token for an element whose text never changes.
func (st *state) addOpaque() { st.toks = append(st.toks, tok{r: opaque, src: -1}) }

// addBreak appends a hard line break.
func (st *state) addBreak() { st.toks = append(st.toks, tok{r: '\n', src: -1}) }

// edit records a change made at token t. Callers set st.changed and call
// edit only when st.record is set: NormalizeString keeps no edits, and
// building their strings would cost more than the changes.
func (st *state) edit(bit ruleSet, t tok, old, new string) {
	st.changed = true
	if !st.record {
		return
	}
	if n := len(st.edits); n > 0 {
		e := &st.edits[n-1]
		if e.bit == bit && e.src == t.src && int(e.off)+len(e.old) == int(t.off) && old != "" && e.old != "" {
			e.old += old
			e.new += new
			return
		}
	}
	st.edits = append(st.edits, rawEdit{bit: bit, src: t.src, off: t.off, old: old, new: new})
}

// run normalizes the tokens.
func (st *state) run() {
	if st.dirty {
		st.cleanup()
	}
	if st.on&bNFC != 0 && st.unsafeNFC {
		st.nfc()
	}
	// Without a rune from U+2000 up there is no CJK text and no
	// full-width mark: the punctuation rules have nothing to decide, and
	// which words are protected matters to nothing else.
	wide := false
	if st.wide || st.unsafeNFC {
		for _, t := range st.toks {
			if t.r >= 0x2000 {
				wide = true
				break
			}
		}
	}
	if st.brace {
		st.protectTemplates(st.toks)
	}
	if wide {
		st.punctuate() // which protects words as it goes
	}
	st.emit()
}

// swap makes tmp the token slice.
func (st *state) swap(out []tok) {
	st.tmp = st.toks
	st.toks = out
}

// cleanup applies the rules that look at one rune and its immediate
// neighbours: invisible characters, half-width katakana, full-width
// letters, digits and symbols.
func (st *state) cleanup() {
	in := st.toks
	out := in[:0] // in place: cleanup only removes and changes runes
	for i := 0; i < len(in); i++ {
		t := in[i]
		r := t.r
		if r < 0x7F && r >= ' ' {
			out = append(out, t)
			continue
		}
		switch {
		case r == opaque || t.src < 0:
		case st.on&bInvisible != 0 && (isInvisible(r) || (r == 0x200C || r == 0x200D) && !keepJoiner(in, i)):
			st.changed = true
			if st.record {
				st.edit(bInvisible, t, string(r), "")
			}
			continue
		case st.on&bKatakana != 0 && r >= 0xFF61 && r <= 0xFF9F:
			if r == 0xFF9E || r == 0xFF9F {
				if n := len(out); n > 0 && out[n-1].src >= 0 && isKana(out[n-1].r) {
					if c := compose(out[n-1].r, width.LookupRune(r).Wide()); c != 0 {
						st.composeEdit(out[n-1], t, c)
						out[n-1].r = c
						continue
					}
				}
				t.r = 0x309B + r - 0xFF9E // the spacing marks ゛ ゜
			} else {
				t.r = width.LookupRune(r).Wide()
			}
			st.changed = true
			if st.record {
				st.edit(bKatakana, t, string(r), string(t.r))
			}
		case st.on&bFullwidth != 0 && isWideAlnum(r):
			t.r = r - 0xFEE0
			st.changed = true
			if st.record {
				st.edit(bFullwidth, t, string(r), string(t.r))
			}
		}
		out = append(out, t)
	}
	if st.on&bFullwidth != 0 {
		st.narrowSymbols(out)
	}
	st.toks = out
}

// composeEdit records that the voiced sound mark t joined kana k into c.
func (st *state) composeEdit(k, t tok, c rune) {
	if n := len(st.edits); st.record && n > 0 {
		e := &st.edits[n-1]
		if e.bit == bKatakana && e.src == k.src && e.off == k.off {
			e.old += string(t.r)
			e.new = string(c)
			return
		}
	}
	st.changed = true
	if st.record {
		st.edit(bKatakana, k, string(k.r)+string(t.r), string(c))
	}
}

// compose returns kana k combined with the voiced sound mark m, or 0.
func compose(k, m rune) rune {
	s := norm.NFC.String(string([]rune{k, m}))
	if r, size := utf8.DecodeRuneInString(s); size == len(s) {
		return r
	}
	return 0
}

// keepJoiner reports whether the ZWJ or ZWNJ at in[i] does work: it joins
// emoji, or letters of a script that uses joiners.
func keepJoiner(in []tok, i int) bool {
	if i == 0 || i+1 == len(in) {
		return false
	}
	p, n := in[i-1].r, in[i+1].r
	if in[i].r == 0x200D && isEmojiLike(p) && isEmojiLike(n) {
		return true
	}
	return needsJoiner(p) && needsJoiner(n)
}

func isWideAlnum(r rune) bool {
	return r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A
}

// isWideSymbol reports whether r is a full-width ASCII symbol that
// RuleFullwidth narrows when it touches a letter or digit. Punctuation
// with a CJK role (，（）：！？；．), quotes and the wave dash are not.
func isWideSymbol(r rune) bool {
	switch {
	case r >= 0xFF03 && r <= 0xFF06, r == 0xFF0A, r == 0xFF0B, r == 0xFF0D, r == 0xFF0F,
		r >= 0xFF1C && r <= 0xFF1E, r == 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF5D:
		return true
	}
	return false
}

// narrowSymbols narrows each run of full-width symbols that touches an
// ASCII letter or digit.
func (st *state) narrowSymbols(ts []tok) {
	for i := 0; i < len(ts); i++ {
		if !isWideSymbol(ts[i].r) || ts[i].src < 0 {
			continue
		}
		j := i + 1
		for j < len(ts) && isWideSymbol(ts[j].r) && ts[j].src >= 0 {
			j++
		}
		if i > 0 && isAlnumRune(ts[i-1].r) || j < len(ts) && isAlnumRune(ts[j].r) {
			for k := i; k < j; k++ {
				r := ts[k].r
				ts[k].r = r - 0xFEE0
				st.changed = true
				if st.record {
					st.edit(bFullwidth, ts[k], string(r), string(ts[k].r))
				}
			}
		}
		i = j - 1
	}
}

// nfcSafe reports whether r is known to be in NFC whatever surrounds it,
// so that most runs skip the normalization check.
func nfcSafe(r rune) bool {
	return r < 0x300 || r >= 0x3000 && r <= 0x3098 || r >= 0x309B && r <= 0x9FFF ||
		r >= 0xAC00 && r <= 0xD7A3 || r >= 0xFF00 && r <= 0xFFEF ||
		r >= 0x2010 && r <= 0x2027 || r >= 0x2030 && r <= 0x205E
}

// hasCompatIdeograph reports whether b holds a CJK compatibility
// ideograph, which NFC would replace.
func hasCompatIdeograph(b []byte) bool {
	for _, r := range string(b) {
		if r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F {
			return true
		}
	}
	return false
}

// nfc puts the run in NFC, segment by segment, so that each changed
// segment keeps the Text and offset of its first rune.
func (st *state) nfc() {
	in := st.toks
	i := 0
	for i < len(in) && nfcSafe(in[i].r) {
		i++
	}
	if i == len(in) {
		return
	}
	b := st.buf[:0]
	for _, t := range in {
		if t.r == opaque {
			b = append(b, "\uFFFC"...)
		} else {
			b = utf8.AppendRune(b, t.r)
		}
	}
	st.buf = b
	if norm.NFC.IsNormal(b) {
		return
	}
	out := st.tmp[:0]
	k := 0 // token at byte p
	for p := 0; p < len(b); {
		q := len(b)
		if n := norm.NFC.NextBoundary(b[p:], true); n > 0 {
			q = p + n
		}
		seg := b[p:q]
		first := k
		for p < q {
			_, size := utf8.DecodeRune(b[p:])
			p += size
			k++
		}
		if norm.NFC.IsNormal(seg) || hasCompatIdeograph(seg) || in[first].src < 0 {
			out = append(out, in[first:k]...)
			continue
		}
		ns := norm.NFC.String(string(seg))
		t := in[first]
		st.changed = true
		if st.record {
			st.edit(bNFC, t, string(seg), ns)
		}
		for _, r := range ns {
			t.r = r
			out = append(out, t)
		}
	}
	st.swap(out)
}

// stringOf returns the text of the tokens from Text src.
func (st *state) stringOf(src int32) string {
	st.buf = st.appendText(st.buf[:0], src)
	return string(st.buf)
}

// appendText appends the text of the tokens from Text src to b.
func (st *state) appendText(b []byte, src int32) []byte {
	for _, t := range st.toks {
		if t.src != src {
			continue
		}
		if r := t.r; uint32(r) < utf8.RuneSelf {
			b = append(b, byte(r))
		} else {
			b = appendWideRune(b, r)
		}
	}
	return b
}

// appendWideRune is utf8.AppendRune for a rune past ASCII, with the
// three-byte runes of CJK text written out (AppendRune writes only ASCII
// inline).
func appendWideRune(b []byte, r rune) []byte {
	if r >= 0x800 && r < 0xD800 || r >= 0xE000 && r < 0x10000 {
		return append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return utf8.AppendRune(b, r)
}

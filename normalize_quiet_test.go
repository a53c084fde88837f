package article

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkQuiet fails t if the quiet scan lets s through but the rules
// change it, under n.
func checkQuiet(t *testing.T, n *Normalizer, s string) (isQuiet bool) {
	t.Helper()
	on, p := n.rules(), n.profile()
	spacing := on&bCJKSpace != 0 && p != ProfileJapanese
	if !quiet(s, spacing) {
		return false
	}
	if got := normalizeRun(s, on, p); got != s {
		t.Errorf("%+v: quiet(%q) but the rules give %q", *n, s, got)
	}
	return true
}

var quietPolicies = []*Normalizer{{}, {Space: true}, {Profile: ProfileJapanese}, {Profile: ProfileTraditional}}

// TestQuiet checks that every table case and every paragraph of the
// corpus that the quiet scan lets through is one the rules leave alone.
func TestQuiet(t *testing.T) {
	for _, tt := range normalizeTests {
		for _, n := range quietPolicies {
			checkQuiet(t, n, tt.in)
		}
		if quiet(tt.in, tt.opt.Space) && tt.in != tt.want {
			t.Errorf("quiet(%q), want %q", tt.in, tt.want)
		}
	}
	if _, err := os.Stat(normCorpus); err != nil {
		return
	}
	var all, still int
	for _, f := range readNormCorpus(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for i := 0; i < len(s); {
			end := paragraphEnd(s, i)
			par := s[i:end]
			i = end
			all += len(par)
			for k, n := range quietPolicies {
				if checkQuiet(t, n, par) || asciiClean(par) {
					if k == 0 {
						still += len(par)
					}
				}
			}
		}
	}
	t.Logf("%d of %d corpus bytes are in quiet paragraphs", still, all)
}

// TestDecodeRune checks the inline decoder against utf8 on every
// three-byte lead with boundary continuation bytes, and on short input.
func TestDecodeRune(t *testing.T) {
	var cases []string
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for _, c1 := range []byte{0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0} {
			for _, c2 := range []byte{0x7F, 0x80, 0xBF, 0xC0} {
				cases = append(cases, string([]byte{byte(c0), c1, c2}), string([]byte{'a', byte(c0), c1, c2, 'b'}))
			}
		}
	}
	cases = append(cases, "\xe4\xb8", "中", "a", "\xf0\x9f\x98\x80", "")
	for _, s := range cases {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Errorf("decodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
		}
	}
}

// slowText feeds s to q a rune at a time through next, as text does
// where no fast path applies, but for the target of a Markdown link,
// which the fast paths read as a protected span, not rune by rune.
func (q *quietScan) slowText(s string) {
	for i := 0; i < len(s) && !q.stopped(); {
		if !q.open && q.dots == 0 && !q.spacing && s[i] == '(' && q.prev == ']' && !q.brace {
			i = linkTargetEnd(s, i)
			q.prev, q.last, q.space = rune(s[i-1]), cMaybeLatin, 0
			continue
		}
		i = q.next(s, i)
	}
}

// TestQuietFast checks that the fast paths of text leave the scan in the
// state that feeding each rune through next leaves it in, on random text
// made of the runes the fast paths take and those next to them, cut into
// pieces as the Texts of a run are.
func TestQuietFast(t *testing.T) {
	atoms := []string{
		"a", "Z", "7", "word", " ", "  ", "\n", "\t", ",", ".", ":", ";", "!", "?", "(", ")", "[", "]", "{", "$", "%", "-", "_", "#", "/",
		"](x)", "中", "文字", "の", "カナ", "ー", "・", "゛", "\u3099", "ゝ", "゠", "ヿ", "\u3097", "，", "。", "、", "：", "（", "…", "“", "”",
		"\u00a0", "\u3000", "\u4dff", "\u3400", "\uac00", "é", "\xe4\xb8", "\xff",
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var pieces []string
		for range 1 + rnd.IntN(3) {
			var b strings.Builder
			for range rnd.IntN(12) {
				b.WriteString(atoms[rnd.IntN(len(atoms))])
			}
			pieces = append(pieces, b.String())
		}
		for _, spacing := range []bool{false, true} {
			var fast, slow quietScan
			fast.reset(spacing)
			slow.reset(spacing)
			for _, p := range pieces {
				fast.text(p)
				slow.slowText(p)
			}
			if fast.stopped() != slow.stopped() || !fast.stopped() && fast != slow {
				t.Fatalf("pieces %q, spacing %v:\nfast %+v\nslow %+v", pieces, spacing, fast, slow)
			}
		}
	}
}

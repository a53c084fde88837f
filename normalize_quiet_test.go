package article

import (
	"os"
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

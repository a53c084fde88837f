package article

import (
	"os"
	"testing"
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

package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks, for any text: one pass is a fixed point, the
// output is UTF-8, and a URL and a %s placeholder put into the text
// between spaces come out byte for byte. It also runs the text through
// the tree, split across an emphasis, to check the write-back.
func FuzzNormalize(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in, tt.opt.Space, string(tt.opt.Profile))
	}
	const url = "https://example.com/a.html?b=1,c=2&d=(3)"
	f.Fuzz(func(t *testing.T, s string, space bool, profile string) {
		n := &Normalizer{Space: space, Profile: Profile(profile)}
		out := n.NormalizeString(s)
		if !utf8.ValidString(out) {
			t.Fatalf("NormalizeString(%q) = %q, not UTF-8", s, out)
		}
		if again := n.NormalizeString(out); again != out {
			t.Fatalf("not a fixed point:\n in: %q\n 1st: %q\n 2nd: %q", s, out, again)
		}
		// The quiet scan lets through only what the rules leave alone.
		on, prof := n.rules(), n.profile()
		spacing := on&bCJKSpace != 0 && prof != ProfileJapanese
		if quiet(s, spacing) {
			if got := normalizeRun(s, on, prof); got != s {
				t.Fatalf("quiet(%q) but the rules give %q", s, got)
			}
		}

		// Protected spans survive whatever surrounds them.
		k := len(s) / 2
		for k > 0 && !utf8.RuneStart(s[k]) {
			k--
		}
		p := s[:k] + " " + url + " %s " + s[k:]
		got := n.NormalizeString(p)
		if !strings.Contains(got, url) {
			t.Fatalf("URL changed: NormalizeString(%q) = %q", p, got)
		}
		if strings.Count(got, "%s") < strings.Count(p, "%s") {
			t.Fatalf("placeholder changed: NormalizeString(%q) = %q", p, got)
		}

		// The same text as a paragraph, split into three Texts.
		i, j := len(s)/3, 2*len(s)/3
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		for j > i && !utf8.RuneStart(s[j]) {
			j--
		}
		para := func(a, b, c string) *Article {
			return &Article{Body: []Block{&Paragraph{Text: []Inline{
				&Text{Text: a}, &Emphasis{Text: []Inline{&Text{Text: b}}}, &CodeSpan{Text: "x"}, &Text{Text: c},
			}}}}
		}
		a := para(s[:i], s[i:j], s[j:])
		w := &walker{on: on, profile: prof}
		if ins := a.Body[0].(*Paragraph).Text; w.quiet(ins) {
			st := newState(on, prof, false)
			w.collect(st, ins, 0)
			st.run()
			if st.changed {
				t.Fatalf("quiet run %q %q %q, but the rules change it", s[:i], s[i:j], s[j:])
			}
			st.free()
		}
		n.Normalize(a)
		ins := a.Body[0].(*Paragraph).Text
		t1, t2, t3 := ins[0].(*Text).Text, ins[1].(*Emphasis).Text[0].(*Text).Text, ins[3].(*Text).Text
		for _, x := range []string{t1, t2, t3} {
			if !utf8.ValidString(x) {
				t.Fatalf("Normalize of %q gave text %q, not UTF-8", s, x)
			}
		}
		b := para(t1, t2, t3)
		if edits := n.Normalize(b); len(edits) > 0 {
			t.Fatalf("tree not a fixed point: %q → %q %q %q, then %v", s, t1, t2, t3, edits)
		}
	})
}

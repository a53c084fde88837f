package render

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/articlekit/article"
)

// yamlPieces are the characters and words that decide how yaml.v3 writes
// a scalar: indicators, spaces, breaks, quotes, characters it cannot
// print, and the starts of numbers, dates, bools and nulls.
var yamlPieces = []string{
	"a", "b", "z", "中", "文", "é", "😀", " ", " ", "  ", "\t", "\n", "\r",
	"\u0085", "\u2028", "\u2029", "\ufeff", "\u00a0", "\u3000", "\x7f", "\x00", "\x01",
	":", ": ", "#", " #", "-", "- ", "?", "? ", "'", `"`, `\`, ".", "...", "---",
	",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "~", "<<",
	"+", "0", "1", "9", "00", "12", "2022", "-01", "-23", "T10", ":00", "+08:00",
	"Z", "e", "E", "x", "o", "b", "_", "true", "True", "false", "null", "NULL",
	"yes", "on", ".inf", "-.Inf", ".nan", "0x1F", "0o17", "0b101", "1_000",
	"http://x.y/z?a=b#c", "2022-03-15 09:12:30 +0800", "2021-12-08 10:46:18",
	"2018-05-22T9:48:00", "2009-05-24", "2022-01-23T10:00:00Z", "\xff",
	"8BOW461nfBUm", "4.3.0", "18-42-00", "0b-101", "0o-17", "-0b11", "1e5", "1E+5", "e-", "0x",
	"9223372036854775808", "18446744073709551616", ".5e3", "__", "c", "F", "O",
	"“", "—", "\u0800", "\u1fff", "\ue000", "\uefff", "\ufffd", "\U00010000", "\u0080", "\u009f", "ä",
	"：", "，", "\ufffe", "\uffff", "\ufeff", "\uf000", ":/", "a#b", "/x", "<a href=", "(", "=",
}

func yamlString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(5) {
		b.WriteString(yamlPieces[r.IntN(len(yamlPieces))])
	}
	return b.String()
}

var yamlKinds = []article.Kind{
	article.KindString, article.KindString, article.KindString, article.KindInt,
	article.KindFloat, article.KindBool, article.KindNull, article.KindTime,
}

func yamlScalarValue(r *rand.Rand) article.Value {
	return article.Value{Kind: yamlKinds[r.IntN(len(yamlKinds))], Text: yamlString(r)}
}

func yamlFields(r *rand.Rand, depth int) []article.Field {
	fields := make([]article.Field, r.IntN(4))
	for i := range fields {
		fields[i].Key = yamlString(r)
		if r.IntN(3) == 0 {
			fields[i].Key = "key" // most keys are plain words
		}
		switch n := r.IntN(10); {
		case n == 0 && depth < 3:
			fields[i].Value = article.Value{Kind: article.KindMap, Map: yamlFields(r, depth+1)}
		case n == 1:
			l := make([]article.Value, r.IntN(4))
			for j := range l {
				l[j] = yamlScalarValue(r)
				if r.IntN(8) == 0 && depth < 3 {
					l[j] = article.Value{Kind: article.KindMap, Map: yamlFields(r, depth+1)}
				}
			}
			fields[i].Value = article.Value{Kind: article.KindList, List: l}
		default:
			fields[i].Value = yamlScalarValue(r)
		}
	}
	return fields
}

// TestYAMLFastMatchesEncoder checks that whatever writeYAMLFast writes is
// what yaml.v3's encoder writes, over random front matter built from the
// characters that matter, and that it writes the common cases at all.
func TestYAMLFastMatchesEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 40000
	if testing.Short() {
		n = 4000
	}
	fast := 0
	for range n {
		fields := yamlFields(r, 0)
		if len(fields) == 0 {
			continue
		}
		got, ok := appendYAMLFast(nil, fields, 0)
		if !ok {
			continue
		}
		fast++
		want, err := appendYAMLEncoder(nil, fields)
		if err != nil {
			continue // yaml.v3 refuses it (invalid UTF-8 as a tagged scalar)
		}
		if string(got) != string(want) {
			t.Fatalf("fields %#v:\nfast:\n%s\nyaml.v3:\n%s", fields, got, want)
		}
	}
	if fast < n/40 {
		t.Errorf("the fast writer took %d of %d front matters; want more", fast, n)
	}

	// Scalars one at a time, as a value and as a list item.
	fast = 0
	for range 5 * n {
		v := yamlScalarValue(r)
		for _, fields := range [][]article.Field{
			{{Key: "k", Value: v}},
			{{Key: "k", Value: article.Value{Kind: article.KindList, List: []article.Value{v}}}},
		} {
			got, ok := appendYAMLFast(nil, fields, 0)
			if !ok {
				continue
			}
			fast++
			want, err := appendYAMLEncoder(nil, fields)
			if err != nil {
				continue
			}
			if string(got) != string(want) {
				t.Fatalf("value %#v:\nfast:\n%s\nyaml.v3:\n%s", v, got, want)
			}
		}
	}
	t.Logf("fast: %d of %d scalars", fast, 10*n)
	if fast < n {
		t.Errorf("the fast writer took %d of %d scalars; want more", fast, 10*n)
	}

	common := []article.Field{
		{Key: "layout", Value: article.Value{Kind: article.KindString, Text: "post"}},
		{Key: "title", Value: article.Value{Kind: article.KindString, Text: "港口物流提速（一季度）外贸订单回暖: 新闻"}},
		{Key: "date", Value: article.Value{Kind: article.KindString, Text: "2022-03-15 09:12:30 +0800"}},
		{Key: "updated", Value: article.Value{Kind: article.KindTime, Text: "2022-03-15"}},
		{Key: "weight", Value: article.Value{Kind: article.KindInt, Text: "-10"}},
		{Key: "draft", Value: article.Value{Kind: article.KindBool, Text: "false"}},
		{Key: "description", Value: article.Value{Kind: article.KindNull}},
		{Key: "tags", Value: article.Value{Kind: article.KindList, List: []article.Value{
			{Kind: article.KindString, Text: "前端"}, {Kind: article.KindString, Text: "[设计]"}, {Kind: article.KindString, Text: "2022"},
		}}},
		{Key: "author", Value: article.Value{Kind: article.KindMap, Map: []article.Field{
			{Key: "name", Value: article.Value{Kind: article.KindString, Text: "A. Writer's"}},
		}}},
	}
	got, ok := appendYAMLFast(nil, common, 0)
	if !ok {
		t.Fatal("the fast writer gave up on a common front matter")
	}
	want, err := appendYAMLEncoder(nil, common)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("fast:\n%s\nyaml.v3:\n%s", got, want)
	}
}

// TestYAMLPlainAtOnce holds yamlAnalyze's shortcut to the analysis rune
// by rune.
func TestYAMLPlainAtOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 200000 {
		s := yamlString(r)
		if s == "" || !utf8.ValidString(s) {
			continue
		}
		p1, s1, b1 := yamlAnalyze(s)
		p2, s2, b2 := yamlAnalyzeRunes(s)
		if p1 != p2 || s1 != s2 || b1 != b2 {
			t.Errorf("yamlAnalyze(%q) = %v %v %v, rune by rune %v %v %v", s, p1, s1, b1, p2, s2, b2)
		}
	}
}

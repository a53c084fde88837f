package article

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestSimpleTag checks simpleTag, the shortcut for raw HTML tags inside
// Markdown, against the tokenizer it stands in for.
func TestSimpleTag(t *testing.T) {
	pieces := []string{"<", "</", ">", "/>", " />", "/", " ", "\t", "\n", "=", `"`, "a", "B", "em", "BR", "h1", "1", "-", ":", "é", "span", "script", "!--", "x"}
	inputs := []string{"<em>", "</em>", "<br/>", "<br />", "<BR>", "</Strong>", "<h1>", "<sup >", "<em/ >", "< em>", "<1>", "<a b>", "</br/>", "<script>", "<x-y>"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b strings.Builder
		b.WriteString([]string{"<", "</", "<", ""}[r.IntN(4)])
		for range 1 + r.IntN(3) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteString([]string{">", "/>", " />", " >", ""}[r.IntN(5)])
		inputs = append(inputs, b.String())
	}
	fast := 0
	for _, in := range inputs {
		name, kind, ok := simpleTag([]byte(in))
		if !ok {
			continue
		}
		fast++
		z := html.NewTokenizer(bytes.NewReader([]byte(in)))
		tt := z.Next()
		tn, more := z.TagName()
		if tt != kind || string(tn) != name || more || len(z.Raw()) != len(in) {
			t.Errorf("simpleTag(%q) = %q, %v; the tokenizer reads %v %q (attributes: %v, raw %q)", in, name, kind, tt, tn, more, z.Raw())
			continue
		}
		if tt := z.Next(); tt != html.ErrorToken {
			t.Errorf("simpleTag(%q): the tokenizer reads a %v after the tag", in, tt)
		}
	}
	if fast < 5000 {
		t.Errorf("simpleTag took %d inputs; want more", fast)
	}
}

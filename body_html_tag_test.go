package article

import (
	"bytes"
	"reflect"
	"testing"

	"golang.org/x/net/html"
)

// tagSeeds are tags that exercise the tokenizer's rules for names, keys
// and values.
var tagSeeds = []string{
	`<p>`, `</P>`, `<IMG SRC="a.png" ALT='x y'>`, `<a href=x>`, `<a href=x/>`,
	`<br/>`, `<br />`, `<a href = "x" title= 'y' >`, `<a =x href=y>`,
	`<a href="1" HREF="2">`, `<a hReF='1' href=2 title>`, `<a title=>`,
	`<a / href=x>`, `<a href="x"title="y">`, `<img src="a?b=1&amp;c=2">`,
	`<img alt="&lt;">`, "<a\nhref\n=\n\"x\"\n>", "<a\thref=x\f>", "<x\x00y>",
	"<a title=\"a\x00b\">", "<a href='x\r\ny'>", `<customElement data-src=q>`,
	`<a href="x>y">`, `<a b c d=e f='g' h="i" alt=j>`, `</a href=x>`,
	`<a href=x title="y"/>`, `<a data-actualsrc='u' data-original="v">`,
	`<p class="x" class="y">`, `<a ==x>`, `<a href="unterminated>`, `<aÄB b=c>`,
	`<a href=&quot;>`, `<a target=_blank href=/x>`, `<input type=checkbox checked>`,
}

func TestReadTag(t *testing.T) {
	for _, s := range tagSeeds {
		checkReadTag(t, []byte(s))
	}
}

func FuzzReadTag(f *testing.F) {
	for _, s := range tagSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(`<p>text <em class=x>and</em> <a href="/u?a=1&amp;b=2" title='t'>link</a></p>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkReadTag(t, b)
	})
}

// checkReadTag requires readTag to read every tag of src as the tokenizer
// does, whenever it does not leave the tag to the tokenizer.
func checkReadTag(t *testing.T, src []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken && tt != html.EndTagToken {
			continue
		}
		raw := bytes.Clone(z.Raw())
		tag, attrs, ok := readTag(raw, string(raw), tt == html.EndTagToken)
		wantTag, wantAttrs := tokenizerTag(z)
		if tt == html.EndTagToken {
			wantAttrs = nil
		}
		if !ok {
			continue
		}
		if tag != wantTag || !reflect.DeepEqual(attrs, wantAttrs) {
			t.Errorf("readTag(%q) = %q %q, tokenizer: %q %q", raw, tag, attrs, wantTag, wantAttrs)
		}
	}
}

// TestReadTagReads requires readTag to read the tags without what only
// the tokenizer decodes, rather than leave them all to it.
func TestReadTagReads(t *testing.T) {
	for _, s := range tagSeeds {
		if bytes.ContainsAny([]byte(s), "&\r\x00") || s == `<a href="unterminated>` {
			continue
		}
		if _, _, ok := readTag([]byte(s), s, s[1] == '/'); !ok {
			t.Errorf("readTag(%q) leaves it to the tokenizer", s)
		}
	}
}

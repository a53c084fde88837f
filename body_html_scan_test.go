package article

import (
	"bytes"
	"reflect"
	"testing"

	"golang.org/x/net/html"
)

var scanSeeds = []string{
	"", "text", "a < b", "a <", "<", "<p>x</p>", "<P CLASS=x>y</P >",
	"<a href='u' title=\"t\">l</a>", "x<!-- c -->y", "<!DOCTYPE html><p>", "<?xml?>",
	"</>", "</ p>", "</p x=\"y>z\">", "<br/><br />", "<script>a<b</script>", "<title>t</title>",
	"<p>a &amp; b &lt;c&gt; &nosuch; &#39;</p>", "a\r\nb", "a\x00b", "<a\x00b>",
	"{{<figure src=x>}}", "<p>&amp</p>", "<img src=\"a&amp;b\">", "<a href=x", "<a href='x>",
	"<<a>b", "<1>", "<p>中文</p>\n<ul>\n<li>x</li>\n</ul>\n", "<textarea>&amp;</textarea>",
	"<TEXTAREA>x", "<xmp><p></xmp>", "<noscript><p>x</p></noscript>", "<plaintext><p>",
	"<!---->", "<!-->", "<!--->", "<!-- a -- b -->", "<!-- a --!> b -->", "<!-- a > b -->",
	"<!--more-->\n<p>x", "<!-- x", "<!-- x --", "<!--x--->", "<!--->-->", "<!-- <p> -->",
}

func TestScanNext(t *testing.T) {
	for _, s := range scanSeeds {
		checkScan(t, []byte(s))
	}
}

func FuzzScanNext(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkScan(t, b)
	})
}

// checkScan requires scanNext to read the tokens of src as the tokenizer
// does, up to where it leaves them to it.
func checkScan(t *testing.T, src []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(src))
	str := string(src)
	for pos := 0; ; {
		st, ok := scanNext(src, str, pos)
		if !ok {
			return
		}
		tt := z.Next()
		if st.tt == html.ErrorToken || tt == html.ErrorToken {
			if st.tt != tt {
				t.Fatalf("%q at %d: scanNext %v, tokenizer %v", src, pos, st.tt, tt)
			}
			return
		}
		raw := string(z.Raw())
		if tt != st.tt || raw != str[pos:st.end] {
			t.Fatalf("%q at %d: scanNext %v %q, tokenizer %v %q", src, pos, st.tt, str[pos:st.end], tt, raw)
		}
		switch tt {
		case html.CommentToken:
		case html.TextToken:
			if got, want := html.UnescapeString(str[pos:st.end]), string(z.Text()); got != want {
				t.Fatalf("%q at %d: text %q, tokenizer %q", src, pos, got, want)
			}
		default:
			tag, attrs := tokenizerTag(z)
			if tt == html.EndTagToken {
				attrs = nil
			}
			if st.tag != tag || !reflect.DeepEqual(st.attrs, attrs) {
				t.Fatalf("%q at %d: tag %q %q, tokenizer %q %q", src, pos, st.tag, st.attrs, tag, attrs)
			}
		}
		pos = st.end
	}
}

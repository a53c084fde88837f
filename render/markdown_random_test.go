package render_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/articlekit/article"
)

// TestMarkdownRoundTripRandom renders random articles full of characters
// that mean something in Markdown, parses them, and checks that the
// parsed (canonical) article survives a second rendering unchanged.
func TestMarkdownRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 2000
	if testing.Short() {
		n = 200
	}
	failures := 0
	for i := 0; i < n && failures < 5; i++ {
		a := &A{Body: randomBlocks(r, 0)}
		_, canon, err := roundTrip(t, "x.md", a)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		md, again, err := roundTrip(t, "x.md", canon)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		if !canon.Equal(again) {
			failures++
			t.Errorf("case %d: round trip differs: %s", i, firstDiff(canon, again, md))
			t.Logf("markdown:\n%s", md)
		}
	}
}

var randomWords = []string{
	"a", "b", "word", "中文", "，", "。", "“", "”", "（", " ", " ", "*", "**", "_", "~", "`", "[", "]",
	"<", ">", "<b>", "&", "&amp;", "#", "-", "+", "=", "1.", "2)", "http://x.com", "www.y.com",
	"me@z.com", "!", "\\", "|", "{{<", ">}}", "{{< x >}}", "(", ")", ".", ":", "'", "\"", "\u00a0", "\u3000",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(4) {
		b.WriteString(randomWords[r.IntN(len(randomWords))])
	}
	return b.String()
}

func randomInlines(r *rand.Rand, depth int) In {
	var in In
	var last string
	for range 1 + r.IntN(4) {
		k := r.IntN(12)
		if depth > 2 {
			k = 0
		}
		// Spans of one kind side by side have no canonical form: the
		// HTML path merges them.
		if kind := fmt.Sprint(k); kind == last && k >= 4 && k <= 6 {
			k = 0
		} else {
			last = kind
		}
		switch k {
		case 0, 1, 2, 3:
			in = append(in, text(randomText(r)))
		case 4:
			in = append(in, &Em{Text: randomInlines(r, depth+1)})
		case 5:
			in = append(in, &St{Text: randomInlines(r, depth+1)})
		case 6:
			in = append(in, &Del{Text: randomInlines(r, depth+1)})
		case 7:
			in = append(in, &article.CodeSpan{Text: randomText(r)})
		case 8:
			in = append(in, &article.Link{Href: "/" + randomText(r), Title: randomText(r), Text: randomInlines(r, 3)})
		case 9:
			in = append(in, &article.Image{Src: "i.png", Alt: randomText(r)})
		case 10:
			in = append(in, &article.LineBreak{}, text(randomText(r)))
		case 11:
			u := "https://e.com/" + strings.Repeat("x", r.IntN(3))
			in = append(in, text(" "), &article.Link{Href: u, Text: In{text(u)}}, text(" "))
		}
	}
	return in
}

func randomBlocks(r *rand.Rand, depth int) Bl {
	var bl Bl
	for range 1 + r.IntN(3) {
		k := r.IntN(8)
		if depth > 2 {
			k = 0
		}
		switch k {
		case 0, 1, 2:
			bl = append(bl, &P{Text: randomInlines(r, 0)})
		case 3:
			bl = append(bl, &article.Heading{Level: 1 + r.IntN(6), Text: randomInlines(r, 0)})
		case 4:
			l := &article.List{Ordered: r.IntN(2) == 0, Start: r.IntN(3), Loose: r.IntN(2) == 0}
			for range 1 + r.IntN(3) {
				l.Items = append(l.Items, &article.ListItem{Blocks: randomBlocks(r, depth+1)})
			}
			bl = append(bl, l)
		case 5:
			bl = append(bl, &article.Quote{Blocks: randomBlocks(r, depth+1)})
		case 6:
			bl = append(bl, &article.Code{Language: "go", Text: randomText(r) + "\n"})
		case 7:
			bl = append(bl, &article.Table{
				Align:  []article.Align{article.AlignNone, article.AlignRight},
				Header: []article.Cell{{Text: randomInlines(r, 0)}, {Text: In{text("h")}}},
				Rows:   [][]article.Cell{{{Text: randomInlines(r, 0)}, {Text: randomInlines(r, 0)}}},
			})
		}
	}
	return bl
}

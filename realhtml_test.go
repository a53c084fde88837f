package article_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
)

// TestRealHTML measures what survives HTML → Article → Markdown → HTML for
// HTML in the shapes real sites produce: the corpus's HTML-bodied posts
// (.html files, Markdown files whose body is mostly HTML, such as scraped
// news, and the posts with HTML of the WordPress, cnblogs and zhihu
// imports) and the pages written for this
// test in testdata/realhtml (nested divs, styled spans, layout tables,
// figures with captions, CMS markup).
//
// "Before" is the HTML a reader of the original sees: an HTML body as it
// is, a Markdown body rendered by goldmark with GFM and raw HTML allowed.
// "After" is render.Markdown's output (body only) rendered by goldmark
// with GFM in its default safe mode, as Hugo publishes it: raw HTML that
// render.Markdown writes (figures, for one) is omitted, so only what
// became Markdown counts.
//
// Text is what a reader sees: the text nodes of the parsed document,
// outside script, style, noscript, template and head. It is compared as
// a multiset of words: each Han, kana or Hangul character is a word, and
// so is each maximal run of other letters and digits; punctuation and
// spacing are not words. Recall is the share of the words before that
// are found after, precision the share of the words after that were
// there before. Elements are counted before and after: headings h1–h6,
// list items, links (a with href), images (img with src), table cells
// (td, th) and code blocks (pre).
//
// The floors asserted at the end are what the code reaches today, a
// little rounded down, so that a regression fails.
func TestRealHTML(t *testing.T) {
	var docs []realDoc
	if files, err := filepath.Glob("testdata/realhtml/*.html"); err == nil {
		for _, f := range files {
			docs = append(docs, realDoc{name: f, html: true})
		}
	}
	corpus := filepath.Join("..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Logf("no corpus at %s: measuring testdata/realhtml only", corpus)
	} else {
		_ = filepath.Walk(corpus, func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".html", ".htm":
				docs = append(docs, realDoc{name: p, html: true})
			case ".md", ".markdown":
				if src, err := os.ReadFile(p); err == nil && (mostlyHTML(stripFM(src)) || fromImport(p) && len(tagRE.FindAll(codeRE.ReplaceAll(stripFM(src), nil), 3)) == 3) {
					docs = append(docs, realDoc{name: p})
				}
			}
			return nil
		})
	}
	if len(docs) == 0 {
		t.Fatal("no documents")
	}

	var total realStats
	minRecall, minName := 2.0, ""
	var rows []string
	for _, d := range docs {
		s, err := d.measure()
		if err != nil {
			// Broken front matter in the corpus is the catalogue's
			// business; here it only means nothing to measure.
			t.Logf("skipped %s: %v", shortName(d.name), err)
			continue
		}
		if r := s.recall(); r < minRecall {
			minRecall, minName = r, d.name
		}
		total.add(s)
		rows = append(rows, fmt.Sprintf("%-58s %6.1f%% %6.1f%%  %s", shortName(d.name), 100*s.recall(), 100*s.precision(), s.counts()))
	}
	sort.Strings(rows)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-58s %7s %7s  %s\n", "document", "recall", "prec.", "before→after: headings, list items, links, images, cells, code blocks")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	fmt.Fprintf(&b, "%-58s %6.1f%% %6.1f%%  %s\n", fmt.Sprintf("TOTAL (%d documents)", len(rows)), 100*total.recall(), 100*total.precision(), total.counts())
	fmt.Fprintf(&b, "lowest recall: %.1f%% (%s)", 100*minRecall, shortName(minName))
	t.Log(b.String())

	// Floors: today's figures, rounded down.
	floors := []struct {
		what       string
		got, floor float64
	}{
		{"text recall", total.recall(), 0.99},
		{"text precision", total.precision(), 0.99},
		{"lowest recall of a document", minRecall, 0.95},
		{"headings kept", ratio(total.afterCount[kHeading], total.beforeCount[kHeading]), 0.95},
		{"list items kept", ratio(total.afterCount[kItem], total.beforeCount[kItem]), 0.95},
		{"links kept", ratio(total.afterCount[kLink], total.beforeCount[kLink]), 0.90},
		{"images kept", ratio(total.afterCount[kImage], total.beforeCount[kImage]), 0.95},
		{"table cells kept", ratio(total.afterCount[kCell], total.beforeCount[kCell]), 0.90},
		{"code blocks kept", ratio(total.afterCount[kCode], total.beforeCount[kCode]), 0.95},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s: %.1f%%, below the floor of %.1f%%", f.what, 100*f.got, 100*f.floor)
		}
	}
}

type realDoc struct {
	name string
	html bool // the body is HTML (else Markdown, mostly HTML)
}

const (
	kHeading = iota
	kItem
	kLink
	kImage
	kCell
	kCode
	nKinds
)

type realStats struct {
	nBefore, nAfter int // words
	common          int // words found on both sides, as multisets
	beforeCount     [nKinds]int
	afterCount      [nKinds]int
}

func (d realDoc) measure() (*realStats, error) {
	src, err := os.ReadFile(d.name)
	if err != nil {
		return nil, err
	}
	p := article.Parser{BodyFormat: article.FormatMarkdown}
	name := "doc.md"
	if d.html {
		p.BodyFormat = article.FormatHTML
		name = "doc.html"
	}
	a, err := p.ParseBytes(name, src)
	if err != nil {
		return nil, err
	}
	body := stripFM(src)
	before := body
	if !d.html {
		var h bytes.Buffer
		if err := unsafeGFM.Convert(body, &h); err != nil {
			return nil, err
		}
		before = h.Bytes()
	}
	a.FrontMatter = article.FrontMatter{}
	var md, after bytes.Buffer
	if err := render.Markdown(&md, a); err != nil {
		return nil, err
	}
	if err := safeGFM.Convert(md.Bytes(), &after); err != nil {
		return nil, err
	}
	return compareHTML(before, after.Bytes())
}

var (
	unsafeGFM = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	safeGFM   = goldmark.New(goldmark.WithExtensions(extension.GFM))
)

// compareHTML returns the word multisets' overlap and the element counts.
func compareHTML(before, after []byte) (*realStats, error) {
	wb, cb, err := visible(before)
	if err != nil {
		return nil, err
	}
	wa, ca, err := visible(after)
	if err != nil {
		return nil, err
	}
	s := &realStats{nBefore: len(wb), nAfter: len(wa), beforeCount: cb, afterCount: ca}
	bag := map[string]int{}
	for _, w := range wb {
		bag[w]++
	}
	for _, w := range wa {
		if bag[w] > 0 {
			bag[w]--
			s.common++
		}
	}
	return s, nil
}

// visible returns the words a reader sees in h, and its element counts.
func visible(h []byte) ([]string, [nKinds]int, error) {
	var counts [nKinds]int
	doc, err := xhtml.Parse(bytes.NewReader(h))
	if err != nil {
		return nil, counts, err
	}
	var words []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.TextNode:
			words = appendWords(words, n.Data)
			return
		case xhtml.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "head":
				return
			case "h1", "h2", "h3", "h4", "h5", "h6":
				counts[kHeading]++
			case "li":
				counts[kItem]++
			case "a":
				if hasAttrVal(n, "href") {
					counts[kLink]++
				}
			case "img":
				if hasAttrVal(n, "src") {
					counts[kImage]++
				}
			case "td", "th":
				counts[kCell]++
			case "pre":
				counts[kCode]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return words, counts, nil
}

func hasAttrVal(n *xhtml.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && strings.TrimSpace(a.Val) != "" {
			return true
		}
	}
	return false
}

// appendWords splits s into words: each CJK character, and each run of
// other letters and digits.
func appendWords(words []string, s string) []string {
	start := -1
	for i, r := range s {
		cjk := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
		word := !cjk && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if !word && start >= 0 {
			words = append(words, s[start:i])
			start = -1
		}
		if cjk {
			words = append(words, string(r))
		} else if word && start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

func (s *realStats) recall() float64    { return ratio(s.common, s.nBefore) }
func (s *realStats) precision() float64 { return ratio(s.common, s.nAfter) }

func (s *realStats) add(x *realStats) {
	s.common += x.common
	s.nBefore += x.nBefore
	s.nAfter += x.nAfter
	for k := range nKinds {
		s.beforeCount[k] += x.beforeCount[k]
		s.afterCount[k] += x.afterCount[k]
	}
}

func (s *realStats) counts() string {
	var parts []string
	for k := range nKinds {
		parts = append(parts, fmt.Sprintf("%d→%d", s.beforeCount[k], s.afterCount[k]))
	}
	return strings.Join(parts, " ")
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// fromImport reports whether p is a post of a site whose posts were
// imported from an HTML CMS (WordPress, cnblogs, zhihu): those with a few
// tags outside code are measured too.
func fromImport(p string) bool {
	for _, site := range []string{"bennychen__", "coderzh__", "Huxpro__"} {
		if strings.Contains(p, string(filepath.Separator)+site) {
			return true
		}
	}
	return false
}

// mostlyHTML reports whether a Markdown body is mostly HTML: outside
// fenced code and Liquid highlight blocks, at least a third of its bytes
// are tags, or at least half of its non-blank lines start with one.
func mostlyHTML(body []byte) bool {
	body = codeRE.ReplaceAll(body, nil)
	if len(bytes.TrimSpace(body)) == 0 {
		return false
	}
	tagBytes := 0
	for _, m := range tagRE.FindAll(body, -1) {
		tagBytes += len(m)
	}
	lines, tagLines := 0, 0
	for _, l := range bytes.Split(body, []byte("\n")) {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		lines++
		if l[0] == '<' {
			tagLines++
		}
	}
	return 3*tagBytes >= len(body) || 2*tagLines >= lines
}

var (
	codeRE = regexp.MustCompile("(?s)```.*?```|~~~.*?~~~|\\{%-?\\s*highlight.*?endhighlight\\s*-?%\\}")
	tagRE  = regexp.MustCompile(`<[a-zA-Z/!][^>]*>`)
	fmRE   = regexp.MustCompile(`(?s)\A\x{FEFF}?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n(---|\+\+\+)[ \t]*(\r?\n|\z)`)
)

// stripFM drops a YAML or TOML front matter block.
func stripFM(src []byte) []byte {
	if m := fmRE.FindIndex(src); m != nil {
		return src[m[1]:]
	}
	return src
}

// shortName is a document's name without the corpus or testdata prefix.
func shortName(p string) string {
	for _, pre := range []string{filepath.Join("..", "shared", "corpus") + string(filepath.Separator), "testdata" + string(filepath.Separator)} {
		p = strings.TrimPrefix(p, pre)
	}
	if len(p) > 58 {
		p = p[:27] + "…" + p[len(p)-28:]
	}
	return p
}

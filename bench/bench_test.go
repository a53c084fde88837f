package bench

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// corpusDir is the corpus beside the repository; benchmarks and tests skip
// when it is absent.
const corpusDir = "../../shared/corpus"

// An input is one corpus article in the forms each contender reads.
type input struct {
	name   string // file name: decides our body format
	src    []byte // the whole file: what our pipeline reads
	body   []byte // the body without front matter: what the peers read
	isHTML bool   // the body is HTML (a .html file)
	// html is the body as HTML: the body itself for an HTML file, and
	// goldmark's rendering of it for a Markdown one.
	html []byte
}

// corpus is every article in the corpus that our parser accepts (the few
// it refuses are refused for defects corpus_test.go documents), so that
// all contenders convert the same articles.
type corpus struct {
	inputs                     []input
	srcBytes, bodyBytes, htmlB int64
	markdown, htmlFiles        int
}

// gm is goldmark with the extensions our parser enables, so that peers
// and the floor parse the same dialect.
var gm = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.Linkify,
	extension.TaskList, extension.Footnote,
))

// newH2M returns html-to-markdown v2 with the plugins its
// htmltomarkdown.ConvertString uses (base and commonmark), built once and
// reused, which is the fastest way to call it.
func newH2M() *htmltomarkdown.Converter {
	return htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
		base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(),
	))
}

func loadCorpus(tb testing.TB) *corpus {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("corpus not found at %s (it is beside the repository, not in it): %v", corpusDir, err)
	}
	c := new(corpus)
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := strings.ToLower(filepath.Ext(path))
		switch ext {
		case ".md", ".markdown", ".html", ".htm":
		default:
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if _, err := new(article.Parser).ParseBytes(path, src); err != nil {
			return nil
		}
		in := input{name: path, src: src, body: splitBody(src), isHTML: ext == ".html" || ext == ".htm"}
		if in.isHTML {
			in.html = in.body
			c.htmlFiles++
		} else {
			var buf bytes.Buffer
			if err := gm.Convert(in.body, &buf); err != nil {
				return err
			}
			in.html = buf.Bytes()
			c.markdown++
		}
		c.inputs = append(c.inputs, in)
		c.srcBytes += int64(len(in.src))
		c.bodyBytes += int64(len(in.body))
		c.htmlB += int64(len(in.html))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(c.inputs) == 0 {
		tb.Skipf("no article under %s parses", corpusDir)
	}
	return c
}

// splitBody returns src without its byte order mark and front matter
// (YAML between --- lines, TOML between +++ lines, or a leading JSON
// object), as a peer that knows nothing of front matter would be handed.
func splitBody(src []byte) []byte {
	s := bytes.TrimPrefix(src, []byte("\uFEFF"))
	s = bytes.TrimLeft(s, "\r\n")
	if len(s) > 0 && s[0] == '{' {
		d := json.NewDecoder(bytes.NewReader(s))
		var v json.RawMessage
		if d.Decode(&v) == nil {
			return s[d.InputOffset():]
		}
		return s
	}
	line, rest, _ := bytes.Cut(s, []byte("\n"))
	line = bytes.TrimRight(line, " \t\r")
	var closers []string
	switch string(line) {
	case "---":
		closers = []string{"---", "..."}
	case "+++":
		closers = []string{"+++"}
	default:
		return s
	}
	for off := 0; off < len(rest); {
		l, _, _ := bytes.Cut(rest[off:], []byte("\n"))
		next := off + len(l) + 1
		for _, c := range closers {
			if string(bytes.TrimRight(l, " \t\r")) == c {
				return rest[min(next, len(rest)):]
			}
		}
		off = next
	}
	return s
}

// Each contender converts every article of c once, writing into buffers
// it reuses.

// ours is the article pipeline: parse, normalize, render Markdown.
func ours(tb testing.TB, c *corpus, buf *bytes.Buffer) {
	var p article.Parser
	var n article.Normalizer
	for _, in := range c.inputs {
		a, err := p.ParseBytes(in.name, in.src)
		if err != nil {
			tb.Fatal(err)
		}
		n.Normalize(a)
		buf.Reset()
		if err := render.Markdown(buf, a); err != nil {
			tb.Fatal(err)
		}
	}
}

// oursHTML is the article pipeline over the HTML bodies html-to-markdown
// converts, each read as an HTML body: the like-for-like comparison.
func oursHTML(tb testing.TB, c *corpus, buf *bytes.Buffer) {
	p := article.Parser{BodyFormat: article.FormatHTML}
	var n article.Normalizer
	for _, in := range c.inputs {
		a, err := p.ParseBytes("", in.html)
		if err != nil {
			tb.Fatalf("%s as HTML: %v", in.name, err)
		}
		n.Normalize(a)
		buf.Reset()
		if err := render.Markdown(buf, a); err != nil {
			tb.Fatal(err)
		}
	}
}

// goldmarkH2M is what a user writes today: goldmark renders a Markdown
// body to HTML, html-to-markdown turns it into Markdown; an HTML body
// goes to html-to-markdown directly.
func goldmarkH2M(tb testing.TB, c *corpus, conv *htmltomarkdown.Converter, buf *bytes.Buffer) {
	for _, in := range c.inputs {
		h := in.body
		if !in.isHTML {
			buf.Reset()
			if err := gm.Convert(in.body, buf); err != nil {
				tb.Fatal(err)
			}
			h = buf.Bytes()
		}
		if _, err := conv.ConvertReader(bytes.NewReader(h)); err != nil {
			tb.Fatal(err)
		}
	}
}

// h2m is html-to-markdown alone over the HTML bodies.
func h2m(tb testing.TB, c *corpus, conv *htmltomarkdown.Converter) {
	for _, in := range c.inputs {
		if _, err := conv.ConvertReader(bytes.NewReader(in.html)); err != nil {
			tb.Fatal(err)
		}
	}
}

// goldmarkAlone parses and renders every body to HTML (an HTML body is
// one raw HTML block to goldmark).
func goldmarkAlone(tb testing.TB, c *corpus, buf *bytes.Buffer) {
	for _, in := range c.inputs {
		buf.Reset()
		if err := gm.Convert(in.body, buf); err != nil {
			tb.Fatal(err)
		}
	}
}

// floor is the least any converter built on these parsers does: goldmark
// parses a Markdown body to its AST without rendering, and x/net/html
// tokenizes an HTML body without building a tree.
func floor(tb testing.TB, c *corpus) {
	for _, in := range c.inputs {
		if in.isHTML {
			z := html.NewTokenizer(bytes.NewReader(in.body))
			for z.Next() != html.ErrorToken {
			}
			continue
		}
		gm.Parser().Parse(text.NewReader(in.body))
	}
}

// BenchmarkCorpus runs every contender over the same corpus in one run;
// cmd/ratio reads the output and prints the ratios. MB/s counts the bytes
// each contender reads (ours: whole files; peers: bodies; the HTML rows:
// the HTML bodies), so compare ns/op, which is per corpus. cpu-ns/op is
// the process's CPU time per corpus (GOMAXPROCS is 1 under -cpu 1, so it
// is the benchmark's work and its GC): on a busy machine it stays steady
// where ns/op counts the time other processes held the cores.
func BenchmarkCorpus(b *testing.B) {
	var c *corpus
	load := func(b *testing.B) *corpus {
		if c == nil {
			c = loadCorpus(b)
		}
		return c
	}
	var buf bytes.Buffer
	conv := newH2M()
	for _, bm := range []struct {
		name  string
		bytes func(*corpus) int64
		run   func(b *testing.B, c *corpus)
	}{
		{"Article", srcBytes, func(b *testing.B, c *corpus) { ours(b, c, &buf) }},
		{"ArticleHTML", htmlBytes, func(b *testing.B, c *corpus) { oursHTML(b, c, &buf) }},
		{"GoldmarkHTMLToMarkdown", bodyBytes, func(b *testing.B, c *corpus) { goldmarkH2M(b, c, conv, &buf) }},
		{"HTMLToMarkdown", htmlBytes, func(b *testing.B, c *corpus) { h2m(b, c, conv) }},
		{"Goldmark", bodyBytes, func(b *testing.B, c *corpus) { goldmarkAlone(b, c, &buf) }},
		{"Floor", bodyBytes, func(b *testing.B, c *corpus) { floor(b, c) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			c := load(b)
			b.ReportAllocs()
			b.SetBytes(bm.bytes(c))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu := cpuTime()
			n := 0
			for b.Loop() {
				bm.run(b, c)
				n++
			}
			if cpu := cpuTime() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n*len(c.inputs)), "allocs/article")
		})
	}
}

func srcBytes(c *corpus) int64  { return c.srcBytes }
func bodyBytes(c *corpus) int64 { return c.bodyBytes }
func htmlBytes(c *corpus) int64 { return c.htmlB }

// TestContenders runs each contender once over the corpus, so that a
// broken benchmark shows under go test, and logs what the corpus holds.
func TestContenders(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	c := loadCorpus(t)
	t.Logf("%d articles (%d Markdown, %d HTML): %d bytes of files, %d of bodies, %d of HTML bodies",
		len(c.inputs), c.markdown, c.htmlFiles, c.srcBytes, c.bodyBytes, c.htmlB)
	var buf bytes.Buffer
	conv := newH2M()
	ours(t, c, &buf)
	oursHTML(t, c, &buf)
	goldmarkH2M(t, c, conv, &buf)
	h2m(t, c, conv)
	goldmarkAlone(t, c, &buf)
	floor(t, c)
}

func TestSplitBody(t *testing.T) {
	tests := []struct{ in, want string }{
		{"---\ntitle: a\n---\nbody\n", "body\n"},
		{"\uFEFF---\r\ntitle: a\r\n---\r\nbody\r\n", "body\r\n"},
		{"+++\ntitle = 'a'\n+++\n\nbody", "\nbody"},
		{"{\"title\": \"a\"}\n\nbody", "\n\nbody"},
		{"no front matter\n", "no front matter\n"},
		{"---\nunterminated\n", "---\nunterminated\n"},
	}
	for _, tt := range tests {
		if got := string(splitBody([]byte(tt.in))); got != tt.want {
			t.Errorf("splitBody(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

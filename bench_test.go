package article_test

// Benchmarks of the library's stages and of the whole pipeline, over the
// real corpus beside the repository and over the golden inputs, plus a
// scaling benchmark over synthesized articles from 1 KB to 64 MB and the
// pathological shapes. BENCHMARKS.md has the commands and the results;
// bench/ (a module of its own) compares the pipeline with its peers.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"golang.org/x/tools/txtar"
)

// benchCorpusDir is the corpus of real posts. It is not in the module:
// benchmarks over it skip when it is absent.
const benchCorpusDir = "../shared/corpus"

// A benchInput is one article to benchmark.
type benchInput struct {
	name string // decides the body format and the Jekyll date and slug
	src  []byte
	p    *article.Parser
}

// A benchSet is a named list of inputs that all parse.
type benchSet struct {
	name   string
	inputs []benchInput
	bytes  int64
}

func (s *benchSet) add(in benchInput) {
	if _, err := in.p.ParseBytes(in.name, in.src); err != nil {
		return // refused inputs (corpus errors, err_ goldens) measure nothing
	}
	s.inputs = append(s.inputs, in)
	s.bytes += int64(len(in.src))
}

// benchCorpus returns the corpus articles that parse. It skips b when the
// corpus is absent.
func benchCorpus(b *testing.B) *benchSet {
	b.Helper()
	if _, err := os.Stat(benchCorpusDir); err != nil {
		b.Skipf("corpus not found at %s (it is beside the repository, not in it): %v", benchCorpusDir, err)
	}
	set := &benchSet{name: "corpus"}
	p := new(article.Parser)
	err := filepath.WalkDir(benchCorpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			set.add(benchInput{name: path, src: src, p: p})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(set.inputs) == 0 {
		b.Skipf("no corpus article under %s parses", benchCorpusDir)
	}
	return set
}

// benchGolden returns the input sections of testdata/golden that parse,
// each read with the file name and time zone its archive comment gives.
func benchGolden(b *testing.B) *benchSet {
	b.Helper()
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil {
		b.Fatal(err)
	}
	set := &benchSet{name: "golden"}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			b.Fatal(err)
		}
		var cfg struct {
			Name string `json:"name"`
			TZ   string `json:"tz"`
		}
		if c := bytes.TrimSpace(ar.Comment); len(c) > 0 {
			if err := json.Unmarshal(c, &cfg); err != nil {
				b.Fatalf("%s: comment is not JSON: %v", file, err)
			}
		}
		if cfg.Name == "" {
			cfg.Name = "input.md"
		}
		p := new(article.Parser)
		if cfg.TZ != "" {
			if p.Location, err = time.LoadLocation(cfg.TZ); err != nil {
				continue // no zoneinfo here: the golden test reports it
			}
		}
		for _, f := range ar.Files {
			if f.Name == "input" {
				set.add(benchInput{name: cfg.Name, src: f.Data, p: p})
			}
		}
	}
	if len(set.inputs) == 0 {
		b.Fatal("no golden input parses")
	}
	return set
}

// benchSets runs f as a sub-benchmark for the corpus and for the goldens.
// The corpus is loaded inside its sub-benchmark, so that its absence skips
// only that one.
func benchSets(b *testing.B, f func(b *testing.B, set *benchSet)) {
	b.Run("corpus", func(b *testing.B) { f(b, benchCorpus(b)) })
	b.Run("golden", func(b *testing.B) { f(b, benchGolden(b)) })
}

// parseAll parses every input of set.
func parseAll(b *testing.B, set *benchSet) []*article.Article {
	b.Helper()
	as := make([]*article.Article, len(set.inputs))
	for i, in := range set.inputs {
		a, err := in.p.ParseBytes(in.name, in.src)
		if err != nil {
			b.Fatal(err)
		}
		as[i] = a
	}
	return as
}

// loopSet runs op once per b.Loop iteration; op handles every article of
// set. It reports MB/s of input, allocations per operation and per
// article.
func loopSet(b *testing.B, set *benchSet, op func()) {
	b.ReportAllocs()
	b.SetBytes(set.bytes)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := article.CPUTime()
	n := 0
	for b.Loop() {
		op()
		n++
	}
	cpu = article.CPUTime() - cpu
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n*len(set.inputs)), "allocs/article")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
	}
}

func BenchmarkParse(b *testing.B) {
	benchSets(b, func(b *testing.B, set *benchSet) {
		loopSet(b, set, func() {
			for _, in := range set.inputs {
				if _, err := in.p.ParseBytes(in.name, in.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

// BenchmarkNormalize measures Normalizer.Normalize. MB/s counts the input
// files' bytes, as the other benchmarks do, so that the stages add up;
// text-MB/s counts only the text the normalizer reads (text runs and the
// front-matter prose), which is what a string normalizer would be given.
//
// "first" is the honest number: each iteration normalizes articles fresh
// from the parser, which are parsed in batches outside the timer (and
// outside the allocation count). Normalizing the same articles again would
// measure only the fixed-point check, since a second pass changes nothing;
// "again" measures exactly that, which is what a checker such as
// articlefmt -l pays on clean input. "copy" is the floor: it visits the
// same text runs and copies their bytes into one reused buffer.
func BenchmarkNormalize(b *testing.B) {
	var n article.Normalizer
	benchSets(b, func(b *testing.B, set *benchSet) {
		text := 0
		for _, a := range parseAll(b, set) {
			walkText(a, func(s string) { text += len(s) })
		}
		textRate := func(b *testing.B, iters int) {
			b.ReportMetric(float64(text)*float64(iters)/b.Elapsed().Seconds()/1e6, "text-MB/s")
		}
		b.Run("first", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(set.bytes)
			// Batches of a few copies of the set keep the StopTimer
			// calls rare without holding b.N parsed corpora in memory.
			const copies = 8
			var pool [][]*article.Article
			var mallocs uint64
			var ms runtime.MemStats
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if len(pool) == 0 {
					b.StopTimer()
					if i > 0 {
						runtime.ReadMemStats(&ms)
						mallocs += ms.Mallocs
					}
					for range copies {
						pool = append(pool, parseAll(b, set))
					}
					runtime.ReadMemStats(&ms)
					mallocs -= ms.Mallocs
					b.StartTimer()
				}
				for _, a := range pool[0] {
					n.Normalize(a)
				}
				pool = pool[1:]
			}
			b.StopTimer()
			runtime.ReadMemStats(&ms)
			mallocs += ms.Mallocs
			b.ReportMetric(float64(mallocs)/float64(b.N*len(set.inputs)), "allocs/article")
			textRate(b, b.N)
		})
		b.Run("again", func(b *testing.B) {
			as := parseAll(b, set)
			for _, a := range as {
				n.Normalize(a)
			}
			iters := 0
			loopSet(b, set, func() {
				for _, a := range as {
					if edits := n.Normalize(a); len(edits) > 0 {
						b.Fatalf("second pass made %d edits: %v", len(edits), edits[0])
					}
				}
				iters++
			})
			textRate(b, iters)
		})
		b.Run("copy", func(b *testing.B) {
			as := parseAll(b, set)
			var buf []byte
			iters := 0
			loopSet(b, set, func() {
				for _, a := range as {
					buf = buf[:0]
					walkText(a, func(s string) { buf = append(buf, s...) })
				}
				iters++
			})
			textRate(b, iters)
		})
	})
}

// walkText calls f with each string the normalizer reads: the prose of the
// front matter and every text run of the body.
func walkText(a *article.Article, f func(string)) {
	f(a.Title)
	f(a.Summary)
	for _, bl := range a.Body {
		walkBlock(bl, f)
	}
}

func walkBlock(bl article.Block, f func(string)) {
	switch bl := bl.(type) {
	case *article.Paragraph:
		walkInlines(bl.Text, f)
	case *article.Heading:
		walkInlines(bl.Text, f)
	case *article.List:
		for _, it := range bl.Items {
			for _, c := range it.Blocks {
				walkBlock(c, f)
			}
		}
	case *article.Quote:
		for _, c := range bl.Blocks {
			walkBlock(c, f)
		}
	case *article.Footnote:
		for _, c := range bl.Blocks {
			walkBlock(c, f)
		}
	case *article.Table:
		for _, c := range bl.Header {
			walkInlines(c.Text, f)
		}
		for _, row := range bl.Rows {
			for _, c := range row {
				walkInlines(c.Text, f)
			}
		}
	case *article.Figure:
		walkInlines(bl.Caption, f)
	}
}

func walkInlines(ins []article.Inline, f func(string)) {
	for _, in := range ins {
		switch in := in.(type) {
		case *article.Text:
			f(in.Text)
		case *article.Emphasis:
			walkInlines(in.Text, f)
		case *article.Strong:
			walkInlines(in.Text, f)
		case *article.Strike:
			walkInlines(in.Text, f)
		case *article.Link:
			walkInlines(in.Text, f)
		}
	}
}

func BenchmarkRenderMarkdown(b *testing.B) {
	benchSets(b, func(b *testing.B, set *benchSet) {
		as := parseAll(b, set)
		var buf bytes.Buffer
		loopSet(b, set, func() {
			for _, a := range as {
				buf.Reset()
				if err := render.Markdown(&buf, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

func BenchmarkRenderJSON(b *testing.B) {
	benchSets(b, func(b *testing.B, set *benchSet) {
		as := parseAll(b, set)
		var buf bytes.Buffer
		loopSet(b, set, func() {
			for _, a := range as {
				buf.Reset()
				if err := render.JSON(&buf, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

// pipeline is what a converter does with one file: bytes in, normalized
// Markdown out, into a buffer the caller reuses.
func pipeline(b *testing.B, p *article.Parser, n *article.Normalizer, buf *bytes.Buffer, name string, src []byte) {
	a, err := p.ParseBytes(name, src)
	if err != nil {
		b.Fatal(err)
	}
	n.Normalize(a)
	buf.Reset()
	if err := render.Markdown(buf, a); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkPipeline(b *testing.B) {
	var n article.Normalizer
	benchSets(b, func(b *testing.B, set *benchSet) {
		var buf bytes.Buffer
		loopSet(b, set, func() {
			for _, in := range set.inputs {
				pipeline(b, in.p, &n, &buf, in.name, in.src)
			}
		})
	})
}

// BenchmarkScaling runs the pipeline over synthesized articles of growing
// size, and over pathological shapes at two sizes ten times apart: ns/B
// (time per input byte) should stay flat down each column. Inputs are
// built inside their sub-benchmark, so -bench Scaling/1KB builds 1 KB.
func BenchmarkScaling(b *testing.B) {
	p := &article.Parser{MaxSize: 1 << 30}
	var n article.Normalizer
	run := func(name, file string, build func() []byte) {
		b.Run(name, func(b *testing.B) {
			src := build()
			var buf bytes.Buffer
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			iters := 0
			cpu := article.CPUTime()
			for b.Loop() {
				pipeline(b, p, &n, &buf, file, src)
				iters++
			}
			cpu = article.CPUTime() - cpu
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(iters)/float64(len(src)), "ns/B")
			if cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(iters)/float64(len(src)), "cpu-ns/B")
			}
		})
	}
	for _, size := range []struct {
		name string
		n    int
	}{{"1KB", 1 << 10}, {"16KB", 16 << 10}, {"256KB", 256 << 10}, {"4MB", 4 << 20}, {"64MB", 64 << 20}} {
		run(size.name, "post.md", func() []byte { return synthArticle(size.n) })
	}
	for _, k := range []int{10_000, 100_000} {
		run(fmt.Sprintf("divs-%dk", k/1000), "deep.html", func() []byte {
			return []byte(strings.Repeat("<div>", k) + "text" + strings.Repeat("</div>", k))
		})
	}
	for _, mb := range []int{1, 10} {
		run(fmt.Sprintf("paragraph-%dMB", mb), "para.md", func() []byte { return synthParagraph(mb << 20) })
	}
	for _, k := range []int{100_000, 1_000_000} {
		run(fmt.Sprintf("entities-%dk", k/1000), "entities.md", func() []byte { return synthEntities(k) })
	}
	for _, kb := range []int{100, 1000} {
		run(fmt.Sprintf("frontmatter-%dKB", kb), "fm.md", func() []byte { return synthFrontMatter(kb << 10) })
	}
	for _, kb := range []int{100, 1000} {
		// Delimiter runs that never match, in one paragraph (see
		// body_emphscan.go).
		run(fmt.Sprintf("delimiters-%dKB", kb), "delims.md", func() []byte {
			return []byte(strings.Repeat("*a_", kb<<10/3))
		})
	}
}

// synthBlocks are the body blocks synthArticle cycles through: Chinese
// news prose with the half-width punctuation the normalizer fixes, English
// prose with emphasis and links, lists, HTML paragraphs with entities and
// a credit line, a heading and a code block.
var synthBlocks = []string{
	"## 第%d节 市场概况\n\n",
	"国际商报讯,%d日,国家统计局发布数据显示:1月份全国居民消费价格同比上涨0.9%%,环比上涨0.4%%.其中,城市上涨0.8%%,农村上涨1.0%%;食品价格下降3.8%%,非食品价格上涨1.9%%...专家表示,\"物价总体平稳\"(见图%d).\n\n",
	"The *quick* brown fox (number %d) jumps over the **lazy** dog; see [the report](https://example.com/report/%d \"Report\") and `code()` for details.\nA second line of the same paragraph, with a URL https://example.org/x?y=1.\n\n",
	"- 第一项:增长%d%%\n- Second item with [a link](https://example.com/%d)\n- 第三项,包含<em>强调</em>文字\n\n",
	"<p>记者从会上获悉,截至%d年底,全国已建成5G基站超过142万个&nbsp;&mdash;&nbsp;覆盖所有地级市城区,<a href=\"https://example.com/%d\">详情</a>&amp;更多.</p>\n\n",
	"1. Ordered one %d\n2. Ordered two\n\n> 引用:这是一段引用的文字,共%d字.\n\n",
	"```go\nfunc main() { fmt.Println(%d) }\n```\n\n",
	"<p class=\"em_media\">（文章来源：国际商报 %d）</p>\n\n",
}

// synthArticle returns an article of at least size bytes: YAML front
// matter, then synthBlocks over and over.
func synthArticle(size int) []byte {
	var s bytes.Buffer
	s.Grow(size + 1024)
	s.WriteString("---\ntitle: 合成文章:性能测试\ndate: 2022-01-23 20:41:05 +0800\ntags: [bench, 测试]\ncategories: news\n---\n\n")
	for i := 0; s.Len() < size; i++ {
		bl := synthBlocks[i%len(synthBlocks)]
		fmt.Fprintf(&s, bl, i, i)
	}
	return s.Bytes()
}

// synthParagraph returns one Markdown paragraph of at least size bytes:
// lines of mixed Chinese and English with inline markup, never a blank
// line.
func synthParagraph(size int) []byte {
	var s bytes.Buffer
	s.Grow(size + 128)
	for s.Len() < size {
		s.WriteString("这是一段很长的文字,with *some* words and <b>tags</b>, 以及[链接](https://example.com/a)!\n")
	}
	return s.Bytes()
}

// synthEntities returns a Markdown paragraph holding n character
// references, named, decimal and hexadecimal, twenty to a line.
func synthEntities(n int) []byte {
	refs := []string{"&amp;", "&lt;", "&copy;", "&nbsp;", "&#20013;", "&#x6587;", "&mdash;", "&quot;"}
	var s bytes.Buffer
	s.Grow(n * 8)
	for i := range n {
		s.WriteString(refs[i%len(refs)])
		if i%20 == 19 {
			s.WriteByte('\n')
		} else {
			s.WriteByte(' ')
		}
	}
	return s.Bytes()
}

// synthFrontMatter returns an article whose YAML front matter is at least
// size bytes (scalars of both scripts, lists and nested maps) and whose
// body is one line.
func synthFrontMatter(size int) []byte {
	var s bytes.Buffer
	s.Grow(size + 256)
	s.WriteString("---\ntitle: 很大的前置元数据\ndate: 2022-01-23 20:41:05 +0800\n")
	for i := 0; s.Len() < size; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&s, "key%d: 第%d个值, with some English text\n", i, i)
		case 1:
			fmt.Fprintf(&s, "list%d: [a, b, \"c d\", %d]\n", i, i)
		case 2:
			fmt.Fprintf(&s, "map%d:\n  name: 名字%d\n  url: https://example.com/%d\n", i, i, i)
		}
	}
	s.WriteString("---\n\n正文只有一行.\n")
	return s.Bytes()
}

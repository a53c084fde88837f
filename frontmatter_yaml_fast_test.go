package article

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// yamlCorpusDir holds real posts beside the repository (see corpus_test.go).
const yamlCorpusDir = "../shared/corpus"

// A yamlBlock is the YAML front matter of one input, as the parser hands
// it to decodeYAMLFields.
type yamlBlock struct {
	name  string
	block []byte
	base  int
	lines *sourceLines
}

// yamlBlockOf splits src as the parser does and returns its YAML block,
// if it has one.
func yamlBlockOf(name string, src []byte) (yamlBlock, bool) {
	src = cleanSource(src)
	sp, err := splitFrontMatter(src)
	if err != nil || sp.format != FormatYAML {
		return yamlBlock{}, false
	}
	return yamlBlock{name, sp.block, sp.blockStart, newSourceLines(src)}, true
}

// corpusYAMLBlocks returns the YAML front matter of every corpus file; it
// skips the test when the corpus is absent.
func corpusYAMLBlocks(tb testing.TB) []yamlBlock {
	tb.Helper()
	if _, err := os.Stat(yamlCorpusDir); err != nil {
		tb.Skipf("corpus not found at %s (it is beside the repository, not in it): %v", yamlCorpusDir, err)
	}
	var out []yamlBlock
	err := filepath.WalkDir(yamlCorpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
		default:
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if b, ok := yamlBlockOf(path, src); ok {
			out = append(out, b)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// testdataYAMLBlocks returns the YAML front matter of the golden inputs
// and of testdata/articles.
func testdataYAMLBlocks(tb testing.TB) []yamlBlock {
	tb.Helper()
	var out []yamlBlock
	goldens, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	for _, file := range goldens {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name != "input" {
				continue
			}
			if b, ok := yamlBlockOf(file, f.Data); ok {
				out = append(out, b)
			}
		}
	}
	articles, err := filepath.Glob("testdata/articles/*.md")
	if err != nil {
		tb.Fatal(err)
	}
	for _, file := range articles {
		src, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		if b, ok := yamlBlockOf(file, src); ok {
			out = append(out, b)
		}
	}
	return out
}

// BenchmarkDecodeYAMLFields decodes the YAML front matter of every corpus
// file; MB/s counts the front-matter blocks only.
func BenchmarkDecodeYAMLFields(b *testing.B) {
	blocks := corpusYAMLBlocks(b)
	var n int64
	for _, fm := range blocks {
		n += int64(len(fm.block))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, fm := range blocks {
			decodeYAMLFields(fm.block, fm.base, fm.lines) // bad corpus files fail alike every time
		}
	}
}

// compareYAMLFast decodes b with both decoders. The fast one must decline
// or give exactly what yaml.v3 gives, and yaml.v3 must not reject what
// it accepts. It reports whether the fast one accepted.
func compareYAMLFast(t testing.TB, b yamlBlock) bool {
	t.Helper()
	got, ok := decodeYAMLSimple(b.block, b.lines.lineOf(b.base)-1)
	if !ok {
		return false
	}
	want, err := decodeYAMLNodes(b.block, b.base, b.lines)
	switch {
	case err != nil:
		t.Errorf("%s: the fast decoder accepts what yaml.v3 rejects (%v):\n%s\nfast: %s", b.name, err, b.block, yamlDumpFields(got))
	case !reflect.DeepEqual(got, want):
		t.Errorf("%s: the decoders disagree on\n%s\nfast:   %s\nyaml.v3: %s", b.name, b.block, yamlDumpFields(got), yamlDumpFields(want))
	}
	return true
}

// yamlDumpFields prints fields with everything reflect.DeepEqual compares,
// including nil and empty lists apart.
func yamlDumpFields(fs []Field) string {
	if fs == nil {
		return "nil"
	}
	var sb strings.Builder
	sb.WriteString("{")
	for _, f := range fs {
		fmt.Fprintf(&sb, "%q: %s, ", f.Key, yamlDumpValue(f.Value))
	}
	sb.WriteString("}")
	return sb.String()
}

func yamlDumpValue(v Value) string {
	s := fmt.Sprintf("%s %q @%d:%d", v.Kind, v.Text, v.Line, v.Col)
	if v.List != nil {
		s += " ["
		for _, e := range v.List {
			s += yamlDumpValue(e) + ", "
		}
		s += "]"
	}
	if v.Map != nil {
		s += " " + yamlDumpFields(v.Map)
	}
	return s
}

// blockAfterDelimiter places data after an opening "---" line, as the
// parser hands a front matter over, so that positions count the lines
// before the block.
func blockAfterDelimiter(name string, data []byte) yamlBlock {
	src := append([]byte("---\n"), data...)
	return yamlBlock{name, src[4:], 4, newSourceLines(src)}
}

// TestYAMLFastCorpus compares the decoders on every corpus front matter
// and reports how many the fast one takes.
func TestYAMLFastCorpus(t *testing.T) {
	blocks := corpusYAMLBlocks(t)
	fast, bad := 0, 0
	for _, b := range blocks {
		if compareYAMLFast(t, b) {
			fast++
			continue
		}
		_, err := decodeYAMLNodes(b.block, b.base, b.lines)
		if err != nil {
			bad++
		}
		t.Logf("declined: %s (yaml.v3: %v)", b.name, err)
	}
	t.Logf("the fast decoder takes %d of %d corpus YAML front matters; %d of those it declines are errors", fast, len(blocks), bad)
}

// TestYAMLFastTestdata compares the decoders on the golden inputs and
// testdata/articles.
func TestYAMLFastTestdata(t *testing.T) {
	blocks := testdataYAMLBlocks(t)
	fast := 0
	for _, b := range blocks {
		if compareYAMLFast(t, b) {
			fast++
			continue
		}
		_, err := decodeYAMLNodes(b.block, b.base, b.lines)
		t.Logf("declined: %s (yaml.v3: %v)", b.name, err)
	}
	t.Logf("the fast decoder takes %d of %d testdata YAML front matters", fast, len(blocks))
}

func TestYAMLFastCases(t *testing.T) {
	for i, c := range yamlFastCases {
		b := blockAfterDelimiter(fmt.Sprintf("case %d", i), []byte(c.in))
		if got := compareYAMLFast(t, b); got != c.fast {
			t.Errorf("case %d %q: fast path taken = %v, want %v", i, c.in, got, c.fast)
		}
	}
}

// TestYAMLFastLimits compares the decoders past the fast decoder's
// depth and at yamlDecoder's limit on values, which the fast decoder
// leaves to yaml.v3.
func TestYAMLFastLimits(t *testing.T) {
	var deep strings.Builder
	for i := range maxFastYAMLDepth + 8 {
		fmt.Fprintf(&deep, "%sk%d:\n", strings.Repeat("  ", i), i)
	}
	many := "a:\n" + strings.Repeat("- x\n", maxFrontMatterValues)
	for _, c := range []struct {
		name, in string
	}{{"deep", deep.String()}, {"many values", many}} {
		if compareYAMLFast(t, blockAfterDelimiter(c.name, []byte(c.in))) {
			t.Errorf("%s: the fast decoder took it", c.name)
		}
	}
	// Just under both limits, it decodes.
	var shallow strings.Builder
	for i := range maxFastYAMLDepth - 1 {
		fmt.Fprintf(&shallow, "%sk%d:\n", strings.Repeat("  ", i), i)
	}
	enough := "a:\n" + strings.Repeat("- x\n", maxFrontMatterValues-2)
	for _, c := range []struct {
		name, in string
	}{{"shallow", shallow.String()}, {"enough values", enough}} {
		if !compareYAMLFast(t, blockAfterDelimiter(c.name, []byte(c.in))) {
			t.Errorf("%s: the fast decoder declined it", c.name)
		}
	}
}

// FuzzYAMLFast requires the fast decoder to decline or agree with
// yaml.v3 on any block.
func FuzzYAMLFast(f *testing.F) {
	for _, c := range yamlFastCases {
		f.Add([]byte(c.in))
	}
	for _, b := range testdataYAMLBlocks(f) {
		f.Add(b.block)
	}
	g := yamlGen{r: rand.New(rand.NewPCG(3, 4))}
	for range 100 {
		g.sb.Reset()
		g.mapping("", 0)
		f.Add([]byte(g.sb.String()))
	}
	if _, err := os.Stat(yamlCorpusDir); err == nil {
		for _, b := range corpusYAMLBlocks(f) {
			f.Add(b.block)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareYAMLFast(t, blockAfterDelimiter("fuzz", data))
	})
}

package article

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// normCorpus is the corpus of real posts beside the repository; tests
// that read it skip when it is absent.
const normCorpus = "../shared/corpus"

// readNormCorpus returns the article files under normCorpus.
func readNormCorpus(tb testing.TB) []string {
	tb.Helper()
	if _, err := os.Stat(normCorpus); err != nil {
		tb.Skipf("corpus not found at %s (it is beside the repository, not in it): %v", normCorpus, err)
	}
	var files []string
	err := filepath.WalkDir(normCorpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// untouchable collects what normalization must never change: link
// targets, code spans, code and HTML blocks, images, front-matter keys
// and the values of keys that are not prose.
func untouchable(a *Article) []string {
	var out []string
	var inlines func([]Inline)
	inlines = func(ins []Inline) {
		for _, in := range ins {
			switch x := in.(type) {
			case *Emphasis:
				inlines(x.Text)
			case *Strong:
				inlines(x.Text)
			case *Strike:
				inlines(x.Text)
			case *Link:
				out = append(out, "href "+x.Href, "title "+x.Title)
				inlines(x.Text)
			case *CodeSpan:
				out = append(out, "code "+x.Text)
			case *Image:
				out = append(out, "img "+x.Src+" "+x.Alt)
			}
		}
	}
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			switch x := b.(type) {
			case *Paragraph:
				inlines(x.Text)
			case *Heading:
				inlines(x.Text)
			case *List:
				for _, it := range x.Items {
					blocks(it.Blocks)
				}
			case *Quote:
				blocks(x.Blocks)
			case *Footnote:
				blocks(x.Blocks)
			case *Table:
				for _, c := range x.Header {
					inlines(c.Text)
				}
				for _, r := range x.Rows {
					for _, c := range r {
						inlines(c.Text)
					}
				}
			case *Figure:
				out = append(out, "img "+x.Image.Src)
				inlines(x.Caption)
			case *Code:
				out = append(out, "code block "+x.Text)
			case *HTML:
				out = append(out, "html "+x.Text)
			}
		}
	}
	blocks(a.Body)
	for _, f := range a.FrontMatter.Fields {
		out = append(out, "key "+f.Key)
		switch strings.ToLower(f.Key) {
		case "title", "summary", "description", "excerpt":
		default:
			out = append(out, "value "+f.Value.Text)
		}
	}
	out = append(out, a.Slug, a.Permalink, a.SourceURL, strings.Join(a.Tags, "\x00"), strings.Join(a.Categories, "\x00"))
	return out
}

// allText returns every Text of the body.
func allText(a *Article) []string {
	var out []string
	w := &walker{}
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			st := newState(0, ProfileSimplified, false)
			switch x := b.(type) {
			case *Paragraph:
				w.collect(st, x.Text, 0)
			case *Heading:
				w.collect(st, x.Text, 0)
			case *Figure:
				w.collect(st, x.Caption, 0)
			case *Table:
				for _, c := range x.Header {
					w.collect(st, c.Text, 0)
				}
				for _, r := range x.Rows {
					for _, c := range r {
						w.collect(st, c.Text, 0)
					}
				}
			case *List:
				for _, it := range x.Items {
					blocks(it.Blocks)
				}
			case *Quote:
				blocks(x.Blocks)
			case *Footnote:
				blocks(x.Blocks)
			}
			st.free()
		}
	}
	blocks(a.Body)
	for _, t := range w.texts {
		out = append(out, t.Text)
	}
	return out
}

// TestNormalizeCorpus normalizes every corpus file that parses and checks
// that one pass is a fixed point, the text stays UTF-8, and nothing that
// is not prose changes.
func TestNormalizeCorpus(t *testing.T) {
	files := readNormCorpus(t)
	parsed, edited, edits := 0, 0, 0
	for _, file := range files {
		a, err := ParseFile(file)
		if err != nil {
			continue // the parser's corpus test says which files must fail
		}
		parsed++
		before := untouchable(a)
		for _, n := range []*Normalizer{{}, {Space: true}} {
			b, _ := ParseFile(file)
			es := n.Normalize(b)
			if n.Space {
				continue
			}
			a = b
			if len(es) > 0 {
				edited++
				edits += len(es)
			}
			for _, e := range es {
				if e.Rule == "" || e.Path == "" || e.Old == e.New {
					t.Errorf("%s: bad edit %v", file, e)
				}
			}
		}
		if after := untouchable(a); !reflect.DeepEqual(before, after) {
			for i := range min(len(before), len(after)) {
				if before[i] != after[i] {
					t.Errorf("%s: %q changed to %q", file, before[i], after[i])
					break
				}
			}
		}
		for _, s := range allText(a) {
			if !utf8.ValidString(s) {
				t.Errorf("%s: text %q is not UTF-8", file, s)
			}
		}
		if again := Normalize(a); len(again) > 0 {
			t.Errorf("%s: second pass made %d edits, first: %v", file, len(again), again[0])
		}
		for _, n := range []*Normalizer{{Space: true}, {Profile: ProfileJapanese}, {Profile: ProfileTraditional}} {
			b, _ := ParseFile(file)
			n.Normalize(b)
			if again := n.Normalize(b); len(again) > 0 {
				t.Errorf("%s: %+v: second pass made %d edits, first: %v", file, *n, len(again), again[0])
			}
		}
	}
	t.Logf("%d files, %d parsed, %d edited, %d edits", len(files), parsed, edited, edits)
}

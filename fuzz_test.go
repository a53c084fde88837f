package article_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"golang.org/x/tools/txtar"
)

// sentinels are the errors every ParseError must wrap one of.
var sentinels = []error{
	article.ErrUnterminatedFrontMatter, article.ErrFrontMatter, article.ErrDuplicateKey,
	article.ErrBadDate, article.ErrUnknownZone, article.ErrTooLarge, article.ErrBinary, article.ErrTooDeep,
}

// addSeeds seeds a fuzz target with the golden inputs and, when it is
// present, the corpus.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if s.Name == "input" {
				f.Add(s.Data)
			}
		}
	}
	if _, err := os.Stat(corpusDir); err == nil {
		for _, rel := range corpusFiles(f) {
			data, err := os.ReadFile(filepath.Join(corpusDir, rel))
			if err == nil {
				f.Add(data)
			}
		}
	}
}

// checkParseError requires err to be a positioned *ParseError wrapping a
// sentinel.
func checkParseError(t *testing.T, err error) {
	t.Helper()
	var pe *article.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %T is not a *ParseError: %v", err, err)
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error wraps no sentinel: %v", err)
}

// FuzzParse: no input panics; an error is a *ParseError wrapping a
// sentinel; an article renders both ways, and its JSON decodes back to an
// equal article.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"fuzz.md", "fuzz.html"} {
			a, err := new(article.Parser).ParseBytes(name, src)
			if err != nil {
				checkParseError(t, err)
				continue
			}
			var md, js bytes.Buffer
			if err := render.Markdown(&md, a); err != nil {
				t.Fatalf("render.Markdown: %v", err)
			}
			if !utf8.Valid(md.Bytes()) {
				t.Fatalf("render.Markdown wrote invalid UTF-8")
			}
			if err := render.JSON(&js, a); err != nil {
				t.Fatalf("render.JSON: %v", err)
			}
			var back article.Article
			if err := back.UnmarshalJSON(js.Bytes()); err != nil {
				t.Fatalf("decoding render.JSON output: %v", err)
			}
			if !back.Equal(a) {
				t.Fatalf("JSON does not decode to an equal article:\n%s", js.Bytes())
			}
		}
	})
}

// FuzzMarkdownRoundTrip: the Markdown that render.Markdown writes reads
// back to an equal article, and rendering that again gives the same bytes.
func FuzzMarkdownRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"fuzz.md", "fuzz.html"} {
			a, err := new(article.Parser).ParseBytes(name, src)
			if err != nil {
				continue
			}
			var md bytes.Buffer
			if err := render.Markdown(&md, a); err != nil {
				t.Fatalf("render.Markdown: %v", err)
			}
			back, err := (&article.Parser{BodyFormat: article.FormatMarkdown}).ParseBytes(name, md.Bytes())
			if err != nil {
				t.Fatalf("parsing the rendered Markdown: %v\n%s", err, md.Bytes())
			}
			if !back.Equal(a) {
				t.Fatalf("rendered Markdown reads back to a different article:\n%s\n%s", md.Bytes(), diffArticles(a, back))
			}
			var again bytes.Buffer
			render.Markdown(&again, back)
			if !bytes.Equal(again.Bytes(), md.Bytes()) {
				t.Fatalf("rendering is not stable:\n%s\n---\n%s", md.Bytes(), again.Bytes())
			}
		}
	})
}

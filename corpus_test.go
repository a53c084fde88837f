package article_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

// corpusDir holds real posts from public sites. It is not part of the
// module: tests that read it skip when it is absent.
const corpusDir = "../shared/corpus"

// corpusErrors lists the corpus files that must fail, with the sentinel
// and the defect of the file that makes refusing it right.
var corpusErrors = map[string]struct {
	err error
	why string
}{
	"finews/-202205262391921712.md": {article.ErrBadDate, `date "  +0800" is an offset with no date (a generator bug)`},
	"yumaloop__old-jekyll-blog-site/_posts__2021-01-10-all-hypotheses-must-be-dichotomized.md": {article.ErrFrontMatter, `unquoted title containing ": " is not valid YAML`},
	"Halerfermatqing__mybolgfor/pages__about.md":                                               {article.ErrFrontMatter, "a stray line with no key inside the front matter"},
	"caisong__hugo-blog/content__posts__Install.md":                                            {article.ErrFrontMatter, "a list item indented with a tab is not valid YAML"},
	"jekyll__jekyll/docs___posts__2023-01-29-jekyll-3-9-3-released.markdown":                   {article.ErrBadDate, `date "2023-01-29 18:30:22 2023 -0800" repeats the year`},
}

// knownRoundTripFailures lists corpus files whose rendered Markdown does
// not yet read back to an equal article, and why. It may only shrink: the
// test fails when a listed file passes, so that it is removed.
var knownRoundTripFailures = map[string]string{}

// corpusFiles returns the articles under corpusDir, relative to it.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found at %s (it is beside the repository, not in it): %v", corpusDir, err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
			rel, _ := filepath.Rel(corpusDir, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCorpus parses every corpus file and renders it both ways. A file
// either parses, renders, and reads back to an equal article from its
// Markdown and from its JSON, or fails with the error corpusErrors
// expects.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	parsed := 0
	for _, rel := range files {
		t.Run(rel, func(t *testing.T) {
			name := filepath.Join(corpusDir, filepath.FromSlash(rel))
			a, err := article.ParseFile(name)
			want, mustFail := corpusErrors[rel]
			if err != nil {
				var pe *article.ParseError
				switch {
				case !mustFail:
					t.Fatalf("unexpected error: %v", err)
				case !errors.As(err, &pe) || pe.Line == 0:
					t.Fatalf("error without a position: %v", err)
				case !errors.Is(err, want.err):
					t.Fatalf("error %v, want %v (%s)", err, want.err, want.why)
				}
				return
			}
			if mustFail {
				t.Fatalf("parsed, but must fail with %v: %s", want.err, want.why)
			}
			parsed++
			var md, js bytes.Buffer
			if err := render.Markdown(&md, a); err != nil {
				t.Fatalf("render.Markdown: %v", err)
			}
			if err := render.JSON(&js, a); err != nil {
				t.Fatalf("render.JSON: %v", err)
			}
			var fromJSON article.Article
			if err := fromJSON.UnmarshalJSON(js.Bytes()); err != nil {
				t.Fatalf("decoding render.JSON output: %v", err)
			} else if !fromJSON.Equal(a) {
				t.Errorf("render.JSON output decodes to a different article")
			}
			back, err := (&article.Parser{BodyFormat: article.FormatMarkdown}).ParseBytes(name, md.Bytes())
			ok := err == nil && back.Equal(a)
			reason, known := knownRoundTripFailures[rel]
			switch {
			case !ok && !known:
				t.Errorf("rendered Markdown does not read back to an equal article (err %v)\n%s", err, diffArticles(a, back))
			case ok && known:
				t.Errorf("round trip now works; remove it from knownRoundTripFailures (was: %s)", reason)
			}
		})
	}
	t.Logf("%d files, %d parsed", len(files), parsed)
}

// diffArticles shows where two articles differ, by their JSON.
func diffArticles(a, b *article.Article) string {
	if b == nil {
		return ""
	}
	var x, y bytes.Buffer
	render.JSON(&x, a)
	render.JSON(&y, b)
	xl, yl := strings.Split(x.String(), "\n"), strings.Split(y.String(), "\n")
	for i := 0; i < len(xl) && i < len(yl); i++ {
		if xl[i] != yl[i] {
			return "first difference at JSON line " + strconv.Itoa(i+1) + ":\n  had:  " + xl[i] + "\n  read: " + yl[i]
		}
	}
	return "JSON lengths differ"
}

package article_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/articlekit/article"
)

// TestBrokenCatalogue: each broken article fails with its sentinel at the
// exact line and column, as a *ParseError naming the file.
func TestBrokenCatalogue(t *testing.T) {
	tests := []struct {
		name, in  string
		err       error
		line, col int
	}{
		{"unterminated yaml", "---\ntitle: x\n\nBody.\n", article.ErrUnterminatedFrontMatter, 1, 1},
		{"unterminated toml", "+++\ntitle = \"x\"\n", article.ErrUnterminatedFrontMatter, 1, 1},
		{"unterminated json", "{\n  \"title\": \"x\",\n", article.ErrUnterminatedFrontMatter, 1, 1},
		{"unterminated after blank lines", "\n\n---\ntitle: x\n", article.ErrUnterminatedFrontMatter, 3, 1},
		{"unterminated with BOM", "\ufeff---\ntitle: x\n", article.ErrUnterminatedFrontMatter, 1, 1},
		{"unterminated with CRLF", "---\r\ntitle: x\r\n", article.ErrUnterminatedFrontMatter, 1, 1},
		{"delimiter alone", "---\n", article.ErrUnterminatedFrontMatter, 1, 1},
		{"truncated inside front matter", "---\ntitle: x\ndate: 2022-01-", article.ErrUnterminatedFrontMatter, 1, 1},
		{"yaml mapping in value", "---\ntitle: ok\nsummary: a: b\n---\n", article.ErrFrontMatter, 3, 1},
		{"yaml tab indent", "---\ntags:\n\t- a\n---\n", article.ErrFrontMatter, 3, 2},
		{"yaml unclosed quote", "---\ntitle: \"abc\ndate: 2022-01-01\n---\n", article.ErrFrontMatter, 4, 1},
		{"yaml unclosed flow list", "---\ntags: [a, b\n---\n", article.ErrFrontMatter, 2, 1},
		{"yaml stray line", "---\ntitle: x\njust words\n---\n", article.ErrFrontMatter, 3, 1},
		{"yaml top-level list", "---\n- a\n- b\n---\n", article.ErrFrontMatter, 2, 1},
		{"yaml top-level scalar", "---\njust text\n---\n", article.ErrFrontMatter, 2, 1},
		{"yaml duplicate key", "---\ntitle: a\ntitle: b\n---\n", article.ErrDuplicateKey, 3, 1},
		{"yaml duplicate nested key", "---\nauthor:\n  name: a\n  name: b\n---\n", article.ErrDuplicateKey, 4, 3},
		{"yaml complex key", "---\n? [a, b]\n: c\n---\n", article.ErrFrontMatter, 2, 3},
		{"yaml alias bomb", "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n", article.ErrFrontMatter, 2, 24},
		{"yaml deep nesting", "---\na: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n---\n", article.ErrFrontMatter, 2, 104},
		{"toml bad line", "+++\ntitle = \"x\"\nbad line\n+++\n", article.ErrFrontMatter, 3, 5},
		{"toml duplicate key", "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", article.ErrDuplicateKey, 3, 1},
		{"toml table twice", "+++\n[extra]\na = 1\n[extra]\nb = 2\n+++\n", article.ErrDuplicateKey, 4, 2},
		{"toml unterminated string", "+++\ntitle = \"abc\n+++\n", article.ErrFrontMatter, 2, 13},
		{"toml impossible date", "+++\ndate = 2019-13-01\n+++\n", article.ErrFrontMatter, 2, 13},
		{"json trailing comma", "{\n  \"title\": \"x\",\n}\n", article.ErrFrontMatter, 3, 1},
		{"json duplicate key", "{\n  \"a\": 1,\n  \"a\": 2\n}\n", article.ErrDuplicateKey, 3, 3},
		{"json text after object", "{\"title\": \"x\"} more\n", article.ErrFrontMatter, 1, 15},
		{"json unterminated string", "{\n  \"title\": \"x\n}\n", article.ErrFrontMatter, 2, 14},
		{"json bare word", "{\n  \"title\": x\n}\n", article.ErrFrontMatter, 2, 12},
		{"date month 13", "---\ndate: 2022-13-01\n---\n", article.ErrBadDate, 2, 7},
		{"date february 30", "---\ndate: 2022-02-30 10:00:00\n---\n", article.ErrBadDate, 2, 7},
		{"date words", "---\ndate: yesterday\n---\n", article.ErrBadDate, 2, 7},
		{"date offset only", "---\ndate:   +0800\n---\n", article.ErrBadDate, 2, 9},
		{"date repeated year", "---\ndate: 2023-01-29 18:30:22 2023 -0800\n---\n", article.ErrBadDate, 2, 7},
		{"date as list", "---\ndate: [2022-01-01]\n---\n", article.ErrBadDate, 2, 7},
		{"date as map", "---\ndate:\n  y: 2022\n---\n", article.ErrBadDate, 3, 3},
		{"date hour 25", "+++\ndate = \"2022-01-01 25:00\"\n+++\n", article.ErrBadDate, 2, 8},
		{"unknown zone", "---\ndate: 2022-01-23 20:41:05 EST\n---\n", article.ErrUnknownZone, 2, 7},
		{"CST outside China", "---\ndate: 2022-01-23 20:41:05 CST\n---\n", article.ErrUnknownZone, 2, 7},
		{"bad lastmod", "---\ndate: 2022-01-01\nlastmod: soon\n---\n", article.ErrBadDate, 3, 10},
		{"bad publishDate", "+++\npublishDate = \"next week\"\n+++\n", article.ErrBadDate, 2, 15},
		{"bad published date", "---\npublished: 2022-99-01\n---\n", article.ErrBadDate, 2, 12},
		{"NUL in body", "---\ntitle: x\n---\nab\x00cd\n", article.ErrBinary, 4, 3},
		{"NUL in front matter", "---\ntitle: a\x00b\n---\n", article.ErrBinary, 2, 9},
		{"invalid UTF-8 in body", "---\ntitle: x\n---\ncaf\xe9\n", article.ErrBinary, 4, 4},
		{"invalid UTF-8 in front matter", "---\ntitle: caf\xe9\n---\n", article.ErrBinary, 2, 11},
		{"binary junk", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", article.ErrBinary, 1, 1},
		{"latin-1 file", "Ol\xe1 mundo\n", article.ErrBinary, 1, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := new(article.Parser).ParseBytes("broken.md", []byte(tt.in))
			var pe *article.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("got %v, want %v", err, tt.err)
			}
			if pe.Name != "broken.md" || pe.Line != tt.line || pe.Col != tt.col {
				t.Errorf("at %s:%d:%d, want broken.md:%d:%d (%v)", pe.Name, pe.Line, pe.Col, tt.line, tt.col, err)
			}
			if !strings.HasPrefix(err.Error(), "broken.md:") {
				t.Errorf("message %q does not start with the file name", err)
			}
		})
	}
}

// TestDocumentedRecoveries: inputs that are odd but not wrong parse, with
// the documented result.
func TestDocumentedRecoveries(t *testing.T) {
	tests := []struct {
		name, in string
		check    func(*article.Article) string
	}{
		{"empty file", "", func(a *article.Article) string {
			return want(a.FrontMatter.Format == article.FormatNone && len(a.Body) == 0, "no front matter, no body")
		}},
		{"only white space", " \n\n\t\n", func(a *article.Article) string {
			return want(len(a.Body) == 0, "no body")
		}},
		{"front matter only", "---\ntitle: x\n---", func(a *article.Article) string {
			return want(a.Title == "x" && len(a.Body) == 0, "title x, no body")
		}},
		{"empty front matter", "---\n---\n", func(a *article.Article) string {
			return want(a.FrontMatter.Format == article.FormatYAML && a.FrontMatter.Fields == nil, "YAML with no fields")
		}},
		{"comments only", "---\n# nothing here\n---\nx\n", func(a *article.Article) string {
			return want(a.FrontMatter.Fields == nil && len(a.Body) == 1, "no fields, one paragraph")
		}},
		{"null date", "---\ndate:\n---\n", func(a *article.Article) string {
			return want(a.Date.IsZero(), "no date")
		}},
		{"empty string date", "+++\ndate = \"\"\n+++\n", func(a *article.Article) string {
			return want(a.Date.IsZero(), "no date")
		}},
		{"keys differing in case", "---\ntitle: first\nTitle: second\n---\n", func(a *article.Article) string {
			return want(a.Title == "first" && len(a.FrontMatter.Fields) == 2, "first spelling wins, both kept")
		}},
		{"JSON array is not front matter", "[1, 2]\n", func(a *article.Article) string {
			return want(a.FrontMatter.Format == article.FormatNone && len(a.Body) == 1, "read as the body")
		}},
		{"truncated HTML body", "---\ntitle: x\n---\n<p>cut off in the mid", func(a *article.Article) string {
			return want(len(a.Body) == 1 && strings.Contains(dumpText(a), "cut off in the mid"), "the text is kept")
		}},
		{"unclosed tags", "<div><p><em>open <strong>everything", func(a *article.Article) string {
			return want(strings.Contains(dumpText(a), `"open "`) && strings.Contains(dumpText(a), `"everything"`), "the text is kept")
		}},
		{"CRLF and lone CR", "---\r\ntitle: x\r---\rbody\r\n", func(a *article.Article) string {
			return want(a.Title == "x" && strings.Contains(dumpText(a), "body"), "lone CR is a line break")
		}},
		{"BOM and blank lines", "\ufeff\n\n---\ntitle: x\n---\n", func(a *article.Article) string {
			return want(a.Title == "x", "title x")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := new(article.Parser).ParseBytes("odd.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(a); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func want(ok bool, what string) string {
	if ok {
		return ""
	}
	return "want " + what
}

// dumpText is the article's body text as JSON, enough to look for words.
func dumpText(a *article.Article) string {
	b, _ := a.MarshalJSON()
	return string(b)
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestMaxSize: a larger input fails with ErrTooLarge without being read
// much past the limit.
func TestMaxSize(t *testing.T) {
	const limit = 1000
	endless := &countingReader{r: strings.NewReader(strings.Repeat("x", 10<<20))}
	_, err := (&article.Parser{MaxSize: limit}).Parse(endless)
	if !errors.Is(err, article.ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if endless.n > 64<<10 {
		t.Errorf("read %d bytes for a limit of %d", endless.n, limit)
	}
	if _, err := (&article.Parser{MaxSize: limit}).ParseBytes("big.md", make([]byte, limit+1)); !errors.Is(err, article.ErrTooLarge) {
		t.Errorf("ParseBytes: got %v, want ErrTooLarge", err)
	}
	if _, err := (&article.Parser{MaxSize: limit}).Parse(strings.NewReader(strings.Repeat("y", limit))); err != nil {
		t.Errorf("an input of exactly MaxSize: %v", err)
	}
	if _, err := (&article.Parser{MaxSize: -1}).Parse(strings.NewReader(strings.Repeat("z", 2*limit))); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

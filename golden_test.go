package article_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the outputs of the golden files in testdata/golden")

// goldenConfig is the JSON in a golden archive's comment.
type goldenConfig struct {
	// Name is the file name the input is parsed as (it decides the body
	// format and the Jekyll date and slug); default "input.md".
	Name string `json:"name"`
	// TZ is Parser.Location.
	TZ string `json:"tz"`
	// Normalize runs the default Normalizer before rendering, and fills
	// the edits section.
	Normalize bool `json:"normalize"`
}

// TestGolden parses the input of each testdata/golden/*.txtar and compares
// the results with its other sections: markdown and json for an article
// that parses, error for one that does not, and edits when the archive
// asks for normalization. See testdata/README.md.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var cfg goldenConfig
			if c := bytes.TrimSpace(ar.Comment); len(c) > 0 {
				if err := json.Unmarshal(c, &cfg); err != nil {
					t.Fatalf("comment is not JSON config: %v", err)
				}
			}
			if cfg.Name == "" {
				cfg.Name = "input.md"
			}
			var input []byte
			for _, f := range ar.Files {
				if f.Name == "input" {
					input = f.Data
				}
			}
			if input == nil {
				t.Fatal("no input section")
			}
			got := goldenOutputs(t, cfg, input)
			checkGolden(t, file, ar, got)
		})
	}
}

// goldenOutputs computes the sections for one input, in archive order.
func goldenOutputs(t *testing.T, cfg goldenConfig, input []byte) []txtar.File {
	t.Helper()
	p := article.Parser{}
	if cfg.TZ != "" {
		loc, err := time.LoadLocation(cfg.TZ)
		if err != nil {
			t.Skipf("time zone %s not available here: %v", cfg.TZ, err)
		}
		p.Location = loc
	}
	a, err := p.ParseBytes(cfg.Name, input)
	if err != nil {
		var pe *article.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error is %T, not *ParseError: %v", err, err)
		}
		return []txtar.File{{Name: "error", Data: []byte(err.Error() + "\n")}}
	}
	var out []txtar.File
	if cfg.Normalize {
		var edits bytes.Buffer
		for _, e := range (&article.Normalizer{}).Normalize(a) {
			edits.WriteString(cfg.Name + ":" + e.String() + "\n")
		}
		out = append(out, txtar.File{Name: "edits", Data: edits.Bytes()})
	}
	var md, js bytes.Buffer
	if err := render.Markdown(&md, a); err != nil {
		t.Fatalf("render.Markdown: %v", err)
	}
	if err := render.JSON(&js, a); err != nil {
		t.Fatalf("render.JSON: %v", err)
	}
	// Every golden is also a round trip: the Markdown reads back to an
	// equal article.
	p.BodyFormat = article.FormatMarkdown
	back, err := p.ParseBytes(cfg.Name, md.Bytes())
	if err != nil {
		t.Errorf("parsing the rendered Markdown: %v", err)
	} else if !back.Equal(a) {
		t.Errorf("the rendered Markdown reads back to a different article")
	}
	return append(out, txtar.File{Name: "markdown", Data: md.Bytes()}, txtar.File{Name: "json", Data: js.Bytes()})
}

// checkGolden compares got with the archive, or rewrites the archive's
// outputs with -update (never its input).
func checkGolden(t *testing.T, file string, ar *txtar.Archive, got []txtar.File) {
	t.Helper()
	if *update {
		files := []txtar.File{ar.Files[0]}
		files = append(files, got...)
		ar.Files = files
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := map[string][]byte{}
	for _, f := range ar.Files[1:] {
		want[f.Name] = f.Data
	}
	for _, g := range got {
		w, ok := want[g.Name]
		if !ok {
			t.Errorf("missing section %q; run go test -update and read the diff", g.Name)
			continue
		}
		if !bytes.Equal(g.Data, w) {
			t.Errorf("section %q differs:\n--- got ---\n%s\n--- want ---\n%s", g.Name, g.Data, w)
		}
		delete(want, g.Name)
	}
	for name := range want {
		t.Errorf("section %q is not produced any more; run go test -update", name)
	}
}

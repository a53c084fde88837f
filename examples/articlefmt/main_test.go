package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/articlekit/article"
)

// writeSite writes a small Jekyll site into a temporary folder: a good
// post with a zone, one without (which takes the site's zone), and one
// whose front matter is never closed.
func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"_config.yml":                  "title: Test\ntimezone: Asia/Shanghai\n",
		"_posts/2022-01-02-zoned.md":   "---\ntitle: 有时区\ndate: 2022-01-02 08:00:00 +0900\n---\n他说:你好!\n",
		"_posts/2022-01-03-local.md":   "---\ntitle: 无时区\ndate: 2022-01-03 10:00:00\n---\n正文。\n",
		"_posts/2022-01-04-broken.md":  "---\ntitle: never closed\n",
		"_site/2022-01-05-skipped.md":  "---\ntitle: generated\n---\n",
		".git/2022-01-06-skipped.md":   "---\ntitle: hidden\n---\n",
		"_posts/notes.txt":             "not an article",
		"_posts/2022-01-05-already.md": "---\ntitle: Fine\n---\n\nAlready clean.\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newTestCommand(format string) (*command, *bytes.Buffer, *bytes.Buffer) {
	var out, errs bytes.Buffer
	return &command{format: format, jobs: 3, normalizer: &article.Normalizer{}, out: &out, errs: &errs}, &out, &errs
}

func TestJSONLinesOverASite(t *testing.T) {
	dir := writeSite(t)
	c, out, errs := newTestCommand("jsonl")
	if status := c.run([]string{dir}); status != 1 {
		t.Errorf("exit status %d, want 1 for the broken post", status)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3 (the skipped folders and the broken post excluded):\n%s", len(lines), out)
	}
	wantFiles := []string{"2022-01-02-zoned.md", "2022-01-03-local.md", "2022-01-05-already.md"}
	wantDates := []string{"2022-01-02T08:00:00+09:00", "2022-01-03T10:00:00+08:00", ""}
	for i, line := range lines {
		var obj struct {
			File  string  `json:"file"`
			Title string  `json:"title"`
			Date  *string `json:"date"`
			Body  []any   `json:"body"`
		}
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		if filepath.Base(obj.File) != wantFiles[i] {
			t.Errorf("line %d is %s, want %s (input order)", i+1, obj.File, wantFiles[i])
		}
		got := ""
		if obj.Date != nil {
			got = *obj.Date
		}
		if wantFiles[i] == "2022-01-05-already.md" {
			// The date comes from the file name, in the site's zone.
			wantDates[i] = "2022-01-05T00:00:00+08:00"
		}
		if got != wantDates[i] {
			t.Errorf("%s: date %s, want %s", obj.File, got, wantDates[i])
		}
	}
	if !strings.Contains(lines[0], `他说：你好！`) {
		t.Errorf("first post not normalized: %s", lines[0])
	}
	e := errs.String()
	if !strings.Contains(e, "2022-01-04-broken.md:1:1: article: unterminated front matter") {
		t.Errorf("stderr lacks the positioned failure:\n%s", e)
	}
	if !strings.Contains(e, "4 files read, 3 converted, 1 changed by normalization, 1 failed") {
		t.Errorf("stderr lacks the summary:\n%s", e)
	}
}

func TestListAndCheck(t *testing.T) {
	dir := writeSite(t)
	c, out, _ := newTestCommand("md")
	c.list, c.check = true, true
	if status := c.run([]string{filepath.Join(dir, "_posts", "2022-01-05-already.md")}); status != 0 {
		t.Errorf("a clean file: exit %d, want 0; listed %q", status, out)
	}
	c, out, _ = newTestCommand("md")
	c.list, c.check = true, true
	if status := c.run([]string{filepath.Join(dir, "_posts", "2022-01-02-zoned.md")}); status != 1 {
		t.Errorf("a file that would change: exit %d, want 1", status)
	}
	if !strings.HasSuffix(strings.TrimSpace(out.String()), "2022-01-02-zoned.md") {
		t.Errorf("-l printed %q", out)
	}
}

func TestWriteInPlace(t *testing.T) {
	dir := writeSite(t)
	name := filepath.Join(dir, "_posts", "2022-01-02-zoned.md")
	c, _, _ := newTestCommand("md")
	c.write = true
	if status := c.run([]string{name}); status != 0 {
		t.Fatalf("exit %d", status)
	}
	got, _ := os.ReadFile(name)
	want := "---\ntitle: 有时区\ndate: 2022-01-02 08:00:00 +0900\n---\n\n他说：你好！\n"
	if string(got) != want {
		t.Errorf("rewritten file:\n%s\nwant:\n%s", got, want)
	}
	// A second run changes nothing: the output is a fixed point.
	c, out, _ := newTestCommand("md")
	c.list = true
	c.run([]string{name})
	if out.Len() != 0 {
		t.Errorf("second run would still change the file")
	}
}

func TestDiff(t *testing.T) {
	got := unifiedDiff("f", []byte("a\nb\nc\n"), []byte("a\nB\nc\n"))
	want := "--- f\n+++ f (articlefmt)\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d := unifiedDiff("f", []byte("same\n"), []byte("same\n")); d != "" {
		t.Errorf("equal inputs gave %q", d)
	}
}

func TestPlainText(t *testing.T) {
	c, out, _ := newTestCommand("md")
	c.text = true
	r := c.process("<stdin>", []byte("详见https://example.com/a?b=1,c=2。价格(含税)为１０００元...\n"))
	c.emit(r)
	want := "详见https://example.com/a?b=1,c=2。价格（含税）为1000元……\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestOutputDir(t *testing.T) {
	dir := writeSite(t)
	outDir := t.TempDir()
	c, out, _ := newTestCommand("json")
	c.outDir = outDir
	c.run([]string{filepath.Join(dir, "_posts", "2022-01-03-local.md")})
	if out.Len() != 0 {
		t.Errorf("with -o nothing goes to stdout, got %q", out)
	}
	data, err := os.ReadFile(filepath.Join(outDir, "2022-01-03-local.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"date": "2022-01-03T10:00:00+08:00"`)) {
		t.Errorf("output file lacks the site-zone date:\n%s", data)
	}
}

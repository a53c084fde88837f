package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

var update = flag.Bool("update", false, "rewrite testdata/jekyll2hugo/want from the current output")

// testdata is the folder of the test site and its expected output, and
// errorsFile the golden of what a run prints on standard error, followed
// by its exit status.
const (
	testdata   = "../../testdata/jekyll2hugo"
	errorsFile = "ERRORS.txt"
)

// convertSite runs jekyll2hugo on the test site with the working
// directory at testdata, so that the file names in messages are short
// and the same on every machine. It returns the output tree, with
// standard error and the exit status under errorsFile.
func convertSite(t *testing.T, dryRun bool) (tree map[string]string, stdout string) {
	t.Helper()
	out := t.TempDir()
	abs, err := filepath.Abs(testdata)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
	var o, e bytes.Buffer
	c := &converter{site: "site", out: out, dryRun: dryRun, stdout: &o, stderr: &e}
	status := c.run()
	tree = readTree(t, out)
	tree[errorsFile] = fmt.Sprintf("%sexit status %d\n", e.String(), status)
	return tree, o.String()
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		tree[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestGolden converts testdata/jekyll2hugo/site and compares the whole
// output tree, and what the run reported, with testdata/jekyll2hugo/want.
// go test -update rewrites want/.
func TestGolden(t *testing.T) {
	want := filepath.Join(testdata, "want")
	wantAbs, err := filepath.Abs(want)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := convertSite(t, false)
	if *update {
		if err := os.RemoveAll(wantAbs); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			dst := filepath.Join(wantAbs, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	compareTrees(t, got, readTree(t, wantAbs))
}

func compareTrees(t *testing.T, got, want map[string]string) {
	t.Helper()
	for _, name := range sortedKeys(want) {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: not written", name)
		case g != want[name]:
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", name, g, want[name])
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: written but not expected:\n%s", name, got[name])
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestDryRun checks that -n writes nothing and prints every file that a
// real run writes, each after a -- path -- line.
func TestDryRun(t *testing.T) {
	real, _ := convertSite(t, false)
	tree, stdout := convertSite(t, true)
	if len(tree) != 1 {
		t.Errorf("-n wrote files: %v", sortedKeys(tree))
	}
	if tree[errorsFile] != real[errorsFile] {
		t.Errorf("-n reported\n%s\nwant, as a real run does,\n%s", tree[errorsFile], real[errorsFile])
	}
	printed := map[string]string{errorsFile: real[errorsFile]}
	parts := regexp.MustCompile(`(?m)^-- (.*) --\n`).Split(stdout, -1)
	names := regexp.MustCompile(`(?m)^-- (.*) --\n`).FindAllStringSubmatch(stdout, -1)
	if parts[0] != "" {
		t.Errorf("-n printed %q before the first file", parts[0])
	}
	for i, m := range names {
		printed[m[1]] = parts[i+1]
	}
	compareTrees(t, printed, real)
}

// TestBrokenPost checks that a post that cannot be read is reported with
// its position, that the posts after it are still converted, and that
// the exit status is 1.
func TestBrokenPost(t *testing.T) {
	site := t.TempDir()
	posts := filepath.Join(site, "_posts")
	files := map[string]string{
		"_config.yml":                   "timezone: Asia/Shanghai\n",
		"_posts/2022-01-01-first.md":    "---\ntitle: First\n---\nOne.\n",
		"_posts/2022-01-02-broken.md":   "---\ntitle: Broken\ndate: 2022-01-02 08:00\n\nNo closing line.\n",
		"_posts/2022-01-03-bad-date.md": "---\ntitle: Bad date\ndate: 2022-13-45\n---\nNo such month.\n",
		"_posts/2022-01-04-last.md":     "---\ntitle: Last\n---\nFour.\n",
	}
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(site, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	var o, e bytes.Buffer
	c := &converter{site: site, out: out, stdout: &o, stderr: &e}
	if status := c.run(); status != 1 {
		t.Errorf("exit status %d, want 1", status)
	}
	for _, want := range []string{
		filepath.Join(posts, "2022-01-02-broken.md") + ":1:1: article: unterminated front matter",
		filepath.Join(posts, "2022-01-03-bad-date.md") + ":3:7: article: invalid date",
		"jekyll2hugo: 2 posts converted (0 changed by normalization), 2 failed\n",
	} {
		if !strings.Contains(e.String(), want) {
			t.Errorf("standard error lacks %q:\n%s", want, e.String())
		}
	}
	for _, name := range []string{"first.md", "last.md"} {
		if _, err := os.Stat(filepath.Join(out, "content", "posts", name)); err != nil {
			t.Errorf("the good posts are not all written: %v", err)
		}
	}
}

// hugoKeys are the front-matter keys Hugo itself reads, and the
// taxonomies of its default configuration.
var hugoKeys = map[string]bool{
	"title": true, "date": true, "lastmod": true, "publishDate": true, "expiryDate": true,
	"draft": true, "url": true, "slug": true, "aliases": true, "summary": true,
	"description": true, "keywords": true, "weight": true, "type": true, "sitemap": true,
	"linkTitle": true, "categories": true, "tags": true,
}

// paramKeys are the keys of the test site that Hugo keeps as page
// parameters: authors, which themes read, and the site's own comments.
var paramKeys = map[string]bool{"authors": true, "comments": true}

// TestHugoFrontMatter reads every generated file back and checks that
// Hugo would accept it: known keys, RFC 3339 dates in the site's +08:00,
// boolean drafts, lists where Hugo wants lists. It also checks what each
// post must say, so that -update cannot quietly accept a wrong date,
// draft flag or address.
func TestHugoFrontMatter(t *testing.T) {
	tree, _ := convertSite(t, false)
	type post struct {
		date    string
		draft   bool
		url     string
		aliases []string
	}
	want := map[string]post{
		"harbor-exports.md":    {date: "2022-01-23T20:41:05+08:00", aliases: []string{"/财经/2022/01/23/harbor-exports.html"}},
		"morning-brief.md":     {date: "2022-02-10T09:30:00+08:00", aliases: []string{"/markets/asia/2022/02/10/morning-brief.html"}},
		"unfinished-review.md": {date: "2022-03-01T18:00:00+08:00", draft: true},
		"feed-notes.md":        {date: "2022-03-05T10:00:00+08:00", url: "/about/feed/", aliases: []string{"/feed.html"}},
		"market-close.md":      {date: "2022-04-02T00:00:00+08:00", aliases: []string{"/市场/2022/04/02/market-close.html"}},
		"parsing-dates.md":     {date: "2022-05-20T22:05:00+08:00", aliases: []string{"/2022/05/20/parsing-dates.html"}},
		"short-name.md":        {date: "2022-06-09T00:00:00+08:00", aliases: []string{"/2022/06/09/short-name.html"}},
		"port-strike.md":       {draft: true},
	}
	seen := 0
	for name, text := range tree {
		if name == errorsFile {
			continue
		}
		seen++
		base := strings.TrimPrefix(name, "content/posts/")
		w, ok := want[base]
		if !ok || base == name {
			t.Errorf("%s: unexpected file", name)
			continue
		}
		a, err := article.Parse(strings.NewReader(text))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.FrontMatter.Format != article.FormatYAML {
			t.Errorf("%s: front matter is %q, want YAML", name, a.FrontMatter.Format)
		}
		var got post
		for _, f := range a.FrontMatter.Fields {
			if !hugoKeys[f.Key] && !paramKeys[f.Key] {
				t.Errorf("%s: key %q is neither Hugo's nor one of the site's parameters", name, f.Key)
			}
			v := f.Value
			switch f.Key {
			case "date", "lastmod", "publishDate":
				d, err := time.Parse(time.RFC3339, v.Text)
				if err != nil {
					t.Errorf("%s: %s: %v", name, f.Key, err)
				} else if _, off := d.Zone(); off != 8*3600 {
					t.Errorf("%s: %s %s is not in +08:00", name, f.Key, v.Text)
				}
				if f.Key == "date" {
					got.date = v.Text
				}
			case "draft":
				got.draft = v.Kind == article.KindBool && v.Text == "true"
				if !got.draft {
					t.Errorf("%s: draft: %s %q; only draft: true is written", name, v.Kind, v.Text)
				}
			case "url":
				got.url = v.Text
			case "categories", "tags", "aliases", "authors":
				if v.Kind != article.KindList {
					t.Errorf("%s: %s is a %s, want a list", name, f.Key, v.Kind)
				}
				for _, e := range v.List {
					if e.Kind != article.KindString {
						t.Errorf("%s: %s holds a %s", name, f.Key, e.Kind)
					}
				}
				if f.Key == "aliases" {
					got.aliases = scalars(v)
				}
			}
		}
		if got.date != w.date || got.draft != w.draft || got.url != w.url || !slices.Equal(got.aliases, w.aliases) {
			t.Errorf("%s: got %+v, want %+v", name, got, w)
		}
		// The output is a fixed point of reading and writing Markdown.
		var again bytes.Buffer
		if err := render.Markdown(&again, a); err != nil {
			t.Errorf("%s: %v", name, err)
		} else if again.String() != text {
			t.Errorf("%s: does not round-trip:\n%s", name, again.String())
		}
	}
	if seen != len(want) {
		t.Errorf("%d posts written, want %d", seen, len(want))
	}
}

// TestHugoBuild builds the converted posts with Hugo, when a hugo binary
// is on PATH (or named by $HUGO), and checks the pages, the redirects and
// the dates Hugo read.
func TestHugoBuild(t *testing.T) {
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		var err error
		if hugo, err = exec.LookPath("hugo"); err != nil {
			t.Skip("no hugo on PATH; set $HUGO to run Hugo on the converted site")
		}
	}
	tree, _ := convertSite(t, false)
	site := t.TempDir()
	tree["hugo.toml"] = "baseURL = 'https://example.com/'\ntimeZone = 'Asia/Shanghai'\ndisableKinds = ['RSS', 'sitemap', 'taxonomy', 'term']\n"
	tree["layouts/_default/single.html"] = `{{ .Title }}|{{ .Date.Format "2006-01-02T15:04:05-07:00" | safeHTML }}|{{ .Lastmod.Format "2006-01-02T15:04:05-07:00" | safeHTML }}|{{ .Draft }}|{{ .Content }}` + "\n"
	tree["layouts/_default/list.html"] = "{{ range .Pages }}{{ .RelPermalink }}\n{{ end }}"
	delete(tree, errorsFile)
	for name, text := range tree {
		dst := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(hugo, "--source", site, "--destination", filepath.Join(site, "public"), "--panicOnWarning")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	tests := []struct {
		file, contains string
	}{
		{"posts/harbor-exports/index.html", "2022-01-23T20:41:05+08:00"},
		{"posts/morning-brief/index.html", "2022-02-10T09:30:00+08:00|2022-02-11T08:00:00+08:00|false"},
		{"posts/parsing-dates/index.html", `<code class="language-go"`},
		{"about/feed/index.html", "About the news feed|2022-03-05T10:00:00+08:00"},
		{"财经/2022/01/23/harbor-exports.html", "https://example.com/posts/harbor-exports/"},
		{"feed.html", "https://example.com/about/feed/"},
		{"2022/06/09/short-name.html", "https://example.com/posts/short-name/"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(site, "public", filepath.FromSlash(tt.file)))
		if err != nil {
			t.Errorf("hugo did not write %s: %v", tt.file, err)
			continue
		}
		if !strings.Contains(string(data), tt.contains) {
			t.Errorf("%s lacks %q:\n%s", tt.file, tt.contains, data)
		}
	}
	for _, draft := range []string{"posts/unfinished-review", "posts/port-strike"} {
		if _, err := os.Stat(filepath.Join(site, "public", draft)); err == nil {
			t.Errorf("hugo published the draft %s", draft)
		}
	}
}

package article

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// editPosMismatch returns why an edit's position does not point at its
// Old text in src, or "" when it does (or the position is unknown).
func editPosMismatch(src []byte, e Edit) string {
	if e.Pos.Line == 0 || e.Old == "" {
		return ""
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	if e.Pos.Line > len(lines) {
		return fmt.Sprintf("line %d past the end", e.Pos.Line)
	}
	line := lines[e.Pos.Line-1]
	if e.Pos.Col < 1 || e.Pos.Col > len(line)+1 {
		return fmt.Sprintf("column %d outside the line", e.Pos.Col)
	}
	at := line[e.Pos.Col-1:]
	if bytes.HasPrefix(at, []byte(e.Old)) || writes(at, e.Old) {
		return ""
	}
	return fmt.Sprintf("source there is %q", truncate(string(at), 24))
}

// writes reports whether src starts with an entity or an escape that
// stands for old (a line break for the space it became).
func writes(src []byte, old string) bool {
	var dec string
	switch {
	case len(src) >= 2 && src[0] == '\\':
		dec = string(src[1:2])
	case len(src) > 0 && src[0] == '&':
		// Markdown's entities, or HTML's, which may lack the semicolon.
		if r, n := entityAt(src); n > 0 {
			dec = r
			break
		}
		raw := string(src[:min(len(src), 40)])
		if d := html.UnescapeString(raw); d != raw {
			dec = d
			break
		}
		return false
	default:
		return false
	}
	if strings.HasPrefix(dec, "\n") {
		dec = " " + dec[1:]
	}
	return strings.HasPrefix(old, dec) || strings.HasPrefix(dec, old)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// editPosCases are the bodies TestEditPositions checks and FuzzEditPositions
// starts from.
var editPosCases = []struct {
	name, body string
}{
	{"after emphasis", "**粗** 你好,世界\n"},
	{"after a code span", "`x` 你好,世界\n"},
	{"indented", "  你好,世界\n"},
	{"continuation line", "你好\n  世界,好\n"},
	{"list items", "- 你好,世界\n- 好 你,世界\n"},
	{"after a space", "abc 你好,世界\n"},
	{"two spaces", "abc  你好,世界\n"},
	{"after a link", "[链接](https://example.com) 你好,世界\n"},
	{"spaces in emphasis", "*a* 你好 *b* 世界,好\n"},
	{"quote", "> 引用 你好,世界\n> 第二行 好,的\n"},
	{"heading", "## 标题 你好,世界\n"},
	{"table", "| a | b |\n|---|---|\n| 你好 世界,好 | 中 文,字 |\n"},
	{"after an escape", "变成了{{\\< a >}} 。不过,好\n"},
	{"after entities", "A &amp; B &lt;C&gt; 你好,世界 &#x4e2d;,文\n"},
	{"escape then space", "a\\* b 你,好\n"},
	{"HTML entities", "<p>A &amp; B &lt;C&gt; 你好,世界 &#x4e2d;,文</p>\n"},
	{"HTML lines", "<p>第一行\n   第二行,好 &nbsp;\n&lt;第三&gt;,行</p>\n"},
	{"HTML after Markdown", "你好 <b>粗</b> 世界,好 &amp; 中,文\n"},
	{"after escaped nesting", strings.Repeat(">", 300) + " 你好,世界\n"},
	{"after escaped delimiter runs", strings.Repeat("*a_", 9000) + " 你好,世界\n"},
	{"after escaped link openers", strings.Repeat("[a](", 3000) + " 你好,世界\n"},
	{"entity then raw HTML", "&gt;界!<A>\n"},
	{"escape then raw HTML", "a\\*界! <b>x</b>\n"},
	{"decoded line break", "界&#XA;,\n"},
	{"HTML body.html", "<p>你好 &lt;a&gt;,世界</p>\n<div>\n  <p>多\n    行,文 &amp;\n    再,行</p>\n</div>\n"},
}

// TestEditPositions checks that each edit names the line and column of
// its old text, for text the source holds as it is (no entity, escape or
// line break inside the old text, and a Markdown body).
func TestEditPositions(t *testing.T) {
	tests := editPosCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte("---\ntitle: t\n---\n\n" + tt.body)
			name := "t.md"
			if strings.HasSuffix(tt.name, ".html") {
				name = "t.html"
			}
			checkEditPositions(t, name, src)
		})
	}
}

// checkEditPositions parses src as a file of that name, normalizes it,
// and checks that every edit with a position names its old text in src;
// it fails when no edit has a position, since the case then tests
// nothing.
func checkEditPositions(t *testing.T, name string, src []byte) {
	t.Helper()
	a, err := new(Parser).ParseBytes(name, src)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range Normalize(a) {
		if e.Pos.Line == 0 {
			continue
		}
		n++
		if why := editPosMismatch(src, e); why != "" {
			t.Errorf("%s: %s", e, why)
		}
	}
	if n == 0 {
		t.Fatal("no edit with a position: the case needs one")
	}
}

// TestEditPositionsFrontMatter checks the positions of edits to quoted,
// escaped and block front-matter values.
func TestEditPositionsFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"YAML plain", "---\ntitle: 你好,世界\n---\n"},
		{"YAML double-quoted", "---\ntitle: \"你好,世界\"\n---\n"},
		{"YAML escapes", "---\ntitle: \"\\u00e9\\\"你好\\_,世界\\x41,好\\L\"\n---\n"},
		{"YAML single-quoted", "---\ntitle: '它''s 你好,世界'\n---\n"},
		{"YAML leading space", "---\ndescription: \" 你好,世界\"\n---\n"},
		{"YAML literal block", "---\ndescription: |\n  第一行,好\n\n  第二行,好\n---\n"},
		{"YAML folded block", "---\nsummary: >\n    第一行,好\n    第二行,好\n---\n"},
		{"TOML basic", "+++\ntitle = \"\\u4e2d文\\t你好,世界\"\n+++\n"},
		{"TOML literal", "+++\ntitle = '你好,世界'\n+++\n"},
		{"TOML multi-line", "+++\ndescription = \"\"\"\n你好,世界\"\"\"\n+++\n"},
		{"JSON", "{\n  \"title\": \"\\ud83d\\ude00\\u4e2d你好,世界\"\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkEditPositions(t, "t.md", []byte(tt.src+"\n正文。\n"))
		})
	}
}

// TestEditPositionsCorpus checks every edit of the goldens and the corpus,
// body and front matter, that has a position.
func TestEditPositionsCorpus(t *testing.T) {
	var files []string
	goldens, _ := filepath.Glob("testdata/golden/*.txtar")
	files = append(files, goldens...)
	files = append(files, corpusFiles(t)...)
	checked, bad := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := f
		if strings.HasSuffix(f, ".txtar") {
			ar := txtar.Parse(data)
			data = nil
			for _, fl := range ar.Files {
				if fl.Name == "input" {
					data = fl.Data
				}
			}
			name = "post.md"
		}
		if data == nil {
			continue
		}
		a, err := new(Parser).ParseBytes(name, data)
		if err != nil {
			continue
		}
		src := cleanSource(data)
		for _, e := range Normalize(a) {
			if e.Pos.Line == 0 {
				continue
			}
			why := editPosMismatch(src, e)
			if why != "" && e.Old == " " && (lineBreakAt(src, e.Pos) || lineContentStart(src, e.Pos)) {
				// The space a line break became: at the break, or, at the
				// start of a text, at the byte after it (see
				// textCursor.start).
				why = ""
			}
			checked++
			if why != "" {
				bad++
				if bad <= 20 {
					t.Errorf("%s: %s: %s", f, e, why)
				}
			}
		}
	}
	t.Logf("%d edit positions checked, %d wrong", checked, bad)
}

// lineBreakAt reports whether the source has a line break at pos.
func lineBreakAt(src []byte, pos Pos) bool {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if pos.Line > len(lines) {
		return false
	}
	line := lines[pos.Line-1]
	return pos.Col-1 < len(line) && line[pos.Col-1] == '\n'
}

// lineContentStart reports whether pos is the first byte of its line after
// indentation and block quote markers.
func lineContentStart(src []byte, pos Pos) bool {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if pos.Line > len(lines) {
		return false
	}
	line := lines[pos.Line-1]
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	return pos.Col-1 == i
}

// FuzzEditPositions: an edit that changes one character (not a space)
// names the line and column of that character in the source, or of the
// entity or escape that writes it.
func FuzzEditPositions(f *testing.F) {
	for _, c := range editPosCases {
		f.Add([]byte(c.body))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		clean := cleanSource(src)
		for _, name := range []string{"fuzz.md", "fuzz.html"} {
			a, err := new(Parser).ParseBytes(name, src)
			if err != nil {
				continue
			}
			for _, e := range (&Normalizer{Space: true}).Normalize(a) {
				if e.Pos.Line == 0 || utf8.RuneCountInString(e.Old) != 1 || e.Old == " " {
					continue
				}
				lines := bytes.SplitAfter(clean, []byte("\n"))
				if e.Pos.Line > len(lines) || e.Pos.Col > len(lines[e.Pos.Line-1])+1 {
					t.Fatalf("%s: %s: past the end of the source", name, e)
				}
				if why := editPosMismatch(clean, e); why != "" {
					t.Fatalf("%s: %s: %s", name, e, why)
				}
			}
		}
	})
}

// TestCommonEntities checks commonEntity's table against the tokenizer's
// decoder: each entity followed by text decodes to its width and the text.
func TestCommonEntities(t *testing.T) {
	for _, e := range commonEntities {
		dec := html.UnescapeString(e.name + "x")
		if len(dec) != e.width+1 || dec[e.width:] != "x" || !utf8.ValidString(dec) {
			t.Errorf("%s decodes to %q, not %d bytes and x", e.name, dec, e.width)
		}
	}
}

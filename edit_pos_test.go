package article

import (
	"bytes"
	"fmt"
	"testing"
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
	if !bytes.HasPrefix(line[e.Pos.Col-1:], []byte(e.Old)) {
		return fmt.Sprintf("source there is %q", truncate(string(line[e.Pos.Col-1:]), 24))
	}
	return ""
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// TestEditPositions checks that each edit names the line and column of
// its old text, for text the source holds as it is (no entity, escape or
// line break inside the old text, and a Markdown body).
func TestEditPositions(t *testing.T) {
	tests := []struct {
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte("---\ntitle: t\n---\n\n" + tt.body)
			a, err := new(Parser).ParseBytes("t.md", src)
			if err != nil {
				t.Fatal(err)
			}
			edits := Normalize(a)
			if len(edits) == 0 {
				t.Fatal("no edits: the case needs one")
			}
			for _, e := range edits {
				if e.Pos.Line == 0 {
					continue
				}
				if why := editPosMismatch(src, e); why != "" {
					t.Errorf("%s: %s", e, why)
				}
			}
		})
	}
}

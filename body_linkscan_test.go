package article

import (
	"strings"
	"testing"
)

func TestLimitLinkScans(t *testing.T) {
	badges := strings.Repeat("[![b](https://img.example.com/b.svg)](https://example.com/x)", 200) + "\n"
	dataImage := strings.Repeat("![i](data:image/png;base64,"+strings.Repeat("A", 4000)+") ", 100) + "\n"
	pathological := strings.Repeat("[a](", 200000)
	tests := []struct {
		name string
		in   string
		same bool
	}{
		{"badges", badges, true},
		{"long data images", dataImage, true},
		{"few links", "[a](b) [c](", true},
		{"pathological in a fence", "```\n" + pathological + "\n```\n", true},
		{"pathological", pathological, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(limitLinkScans([]byte(tt.in)))
			if same := got == tt.in; same != tt.same {
				t.Errorf("unchanged = %v, want %v", same, tt.same)
			}
			if strings.ReplaceAll(got, `]\(`, "](") != tt.in {
				t.Errorf("changed other than by escaping (")
			}
		})
	}
}

// TestLinkScansKeepText checks that the escaped line reads as the same
// text goldmark gives it unescaped (short enough to try).
func TestLinkScansKeepText(t *testing.T) {
	src := strings.Repeat("[a](", 30000)
	blocks, err := parseMarkdownBody([]byte(src), 1)
	if err != nil {
		t.Fatal(err)
	}
	if d := dumpBlocks(blocks); d != "p "+`"`+src+`"`+"\n" {
		t.Errorf("text changed: %.80s…", d)
	}
}

// BenchmarkLinkOpenLine is the pathological "[a](" line, which took 5 to
// 20 seconds for 100 KB before limitLinkScans.
func BenchmarkLinkOpenLine(b *testing.B)  { benchMarkdown(b, strings.Repeat("[a](", 25000)) }
func BenchmarkImageOpenLine(b *testing.B) { benchMarkdown(b, strings.Repeat("![a](", 20000)) }
func BenchmarkPointyLinkOpenLine(b *testing.B) {
	benchMarkdown(b, strings.Repeat("[a](<", 20000))
}

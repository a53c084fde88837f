package article

import (
	"strings"
	"testing"
)

func TestCreditSource(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"（文章来源：国际商报）", "国际商报"},
		{"来源：新华社", "新华社"},
		{"【稿件来源: 财联社】", "财联社"},
		{"Source: Reuters", "Reuters"},
		{"SOURCE：Reuters", "Reuters"},
		{"(sOuRcE : AP)", "AP"},
		{"Sources: Reuters", ""},
		{"Resource: x", ""},
		{"Source: ", ""},
		{"来源", ""},
		{"Source: " + strings.Repeat("名", 41), ""},
		{"Source: " + strings.Repeat("名", 40), strings.Repeat("名", 40)},
		{"本文来源：网络", ""},
	}
	for _, tt := range tests {
		p := &Paragraph{Text: []Inline{&Text{Text: tt.line}}}
		if got := creditSource(p); got != tt.want {
			t.Errorf("creditSource(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

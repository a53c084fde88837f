package article

import "testing"

func TestCleanSource(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a\nb", "a\nb"},
		{"a\r\nb\r\n", "a\nb\n"},
		{"a\rb", "a\nb"},
		{"\r", "\n"},
		{"\r\n", "\n"},
		{"a\r\r\nb\r", "a\n\nb\n"},
		{"\r\r", "\n\n"},
		{"\xef\xbb\xbfa\r\nb", "a\nb"},
		{"\xef\xbb\xbf\xef\xbb\xbf", "\xef\xbb\xbf"},
	}
	for _, tt := range tests {
		if got := string(cleanSource([]byte(tt.in))); got != tt.want {
			t.Errorf("cleanSource(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

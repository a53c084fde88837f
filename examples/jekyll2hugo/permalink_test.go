package main

import (
	"testing"
	"time"
)

func TestExpandURL(t *testing.T) {
	date := time.Date(2022, 1, 5, 20, 41, 5, 0, time.FixedZone("CST", 8*3600))
	d := urlData{date: date, slug: "Hello World!", name: "2022-01-05-hello", categories: []string{"News", "Asia Pacific", "news"}}
	tests := []struct {
		pattern, want string
	}{
		{permalinkStyles["date"], "/news/asia pacific/2022/01/05/Hello-World!.html"},
		{permalinkStyles["pretty"], "/news/asia pacific/2022/01/05/Hello-World!/"},
		{permalinkStyles["ordinal"], "/news/asia pacific/2022/005/Hello-World!.html"},
		{permalinkStyles["none"], "/news/asia pacific/Hello-World!.html"},
		{permalinkStyles["weekdate"], "/news/asia pacific/2022/W01/Wed/Hello-World!.html"},
		{"/:slugified_categories/:slug/", "/news/asia-pacific/hello-world!/"},
		{"blog/:short_year/:i_month/:i_day/:hour:minute/:name", "/blog/22/1/5/2041/2022-01-05-hello"},
		{"/a:1/", "/a:1/"},
		{"/about/", "/about/"},
	}
	for _, tt := range tests {
		got, err := expandURL(tt.pattern, d)
		if err != nil || got != tt.want {
			t.Errorf("expandURL(%q) = %q, %v; want %q", tt.pattern, got, err, tt.want)
		}
	}
	if got, err := expandURL("/:year/:nonsense/", d); err == nil {
		t.Errorf("expandURL with an unknown placeholder = %q, want an error", got)
	}
	// Without categories, /:categories disappears.
	d.categories = nil
	if got, _ := expandURL(permalinkStyles["date"], d); got != "/2022/01/05/Hello-World!.html" {
		t.Errorf("no categories: got %q", got)
	}
}

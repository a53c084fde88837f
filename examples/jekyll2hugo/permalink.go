package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// permalinkStyles are Jekyll's built-in permalink styles.
var permalinkStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// siteConfig is what jekyll2hugo reads from _config.yml besides the time
// zone, which article.SiteLocation reads.
type siteConfig struct {
	Permalink   string `yaml:"permalink"`
	Collections map[string]struct {
		Permalink string `yaml:"permalink"`
	} `yaml:"collections"`
}

// readPermalink returns the site's permalink pattern for posts: the
// posts collection's, else the site's, else Jekyll's default (date),
// with a style name replaced by its pattern.
func readPermalink(site string) (string, error) {
	var cfg siteConfig
	for _, name := range []string{"_config.yml", "_config.yaml"} {
		path := filepath.Join(site, name)
		data, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return "", err
		}
		if err := yaml.Unmarshal(data, &cfg); err != nil {
			return "", fmt.Errorf("%s: %v", path, err)
		}
		break
	}
	p := cfg.Permalink
	if c, ok := cfg.Collections["posts"]; ok && c.Permalink != "" {
		p = c.Permalink
	}
	if p == "" {
		p = "date"
	}
	if style, ok := permalinkStyles[p]; ok {
		p = style
	}
	return p, nil
}

// A post's values for the placeholders of a permalink.
type urlData struct {
	date       time.Time // in the site's zone, as Jekyll sees it
	slug       string    // front-matter slug, else the file name's
	name       string    // the file name without its extension
	categories []string
}

// placeholders are the names expandURL knows, longest first so that
// :short_year is not read as :short followed by _year.
var placeholders = []string{
	"slugified_categories", "short_month", "long_month", "categories",
	"short_year", "output_ext", "short_day", "long_day", "i_month",
	"minute", "second", "w_year", "i_day", "month", "y_day", "w_day",
	"title", "year", "hour", "week", "slug", "name", "day",
}

// expandURL expands a Jekyll permalink pattern for one post, as Jekyll's
// URL class does: each :placeholder is replaced, a /:placeholder whose
// value is empty disappears, runs of slashes become one and the result
// starts with a slash. An unknown placeholder is an error, as in Jekyll 4.
func expandURL(pattern string, d urlData) (string, error) {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != ':' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		name := ""
		for _, p := range placeholders {
			if strings.HasPrefix(pattern[i+1:], p) {
				name = p
				break
			}
		}
		if name == "" {
			word := placeholderWord.FindString(pattern[i+1:])
			if word == "" {
				// A colon that starts no placeholder is text.
				b.WriteByte(':')
				i++
				continue
			}
			return "", fmt.Errorf("permalink %q: unknown placeholder :%s", pattern, word)
		}
		b.WriteString(placeholder(name, d))
		i += 1 + len(name)
	}
	return sanitizeURL(b.String()), nil
}

func placeholder(name string, d urlData) string {
	t := d.date
	_, week := t.ISOWeek()
	switch name {
	case "year":
		return t.Format("2006")
	case "short_year":
		return t.Format("06")
	case "month":
		return t.Format("01")
	case "i_month":
		return strconv.Itoa(int(t.Month()))
	case "short_month":
		return t.Format("Jan")
	case "long_month":
		return t.Format("January")
	case "day":
		return t.Format("02")
	case "i_day":
		return strconv.Itoa(t.Day())
	case "y_day":
		return fmt.Sprintf("%03d", t.YearDay())
	case "hour":
		return t.Format("15")
	case "minute":
		return t.Format("04")
	case "second":
		return t.Format("05")
	case "week":
		return fmt.Sprintf("%02d", week)
	case "w_year":
		y, _ := t.ISOWeek()
		return strconv.Itoa(y)
	case "w_day":
		return strconv.Itoa((int(t.Weekday())+6)%7 + 1)
	case "short_day":
		return t.Format("Mon")
	case "long_day":
		return t.Format("Monday")
	case "title":
		return slugifyPretty(d.slug)
	case "slug":
		return strings.ToLower(slugifyPretty(d.slug))
	case "name":
		return d.name
	case "output_ext":
		return ".html"
	case "categories", "slugified_categories":
		// Jekyll lower-cases categories in addresses and drops repeats.
		var parts []string
		for _, c := range d.categories {
			c = strings.ToLower(c)
			if name == "slugified_categories" {
				c = slugifyDefault(c)
			}
			parts = appendUnique(parts, c)
		}
		return strings.Join(parts, "/")
	}
	return ""
}

var (
	placeholderWord = regexp.MustCompile(`^[a-z_]*`)
	slashes         = regexp.MustCompile(`//+`)
)

func sanitizeURL(s string) string {
	s = slashes.ReplaceAllString(s, "/")
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return s
}

// slugifyPretty is Jekyll's slugify in pretty mode, keeping case: runs of
// characters other than letters, digits and ._~!$&'()+,;=@ become one
// hyphen, and hyphens at either end go.
func slugifyPretty(s string) string {
	return slugify(s, func(r rune) bool { return strings.ContainsRune("._~!$&'()+,;=@", r) })
}

// slugifyDefault is Jekyll's slugify in its default mode: only letters
// and digits survive.
func slugifyDefault(s string) string {
	return slugify(s, func(rune) bool { return false })
}

func slugify(s string, keep func(rune) bool) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || keep(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// hugoAddress is where Hugo, with its default settings, publishes a post
// written to content/posts/NAME.md: its url if it has one, else
// /posts/SLUG/ with SLUG the front-matter slug or NAME, lower-cased as
// Hugo does.
func hugoAddress(url, slug string) string {
	if url != "" {
		return url
	}
	return strings.ToLower("/posts/" + strings.ReplaceAll(slug, " ", "-") + "/")
}

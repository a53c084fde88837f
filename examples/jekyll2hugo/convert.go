package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

// A converter is one run of jekyll2hugo: its settings, what it has
// written so far and its counts.
type converter struct {
	site, out      string
	location       *time.Location // -tz; nil means the site's zone
	keep, dryRun   bool
	stdout, stderr io.Writer

	permalink string // the site's permalink pattern for posts

	// files and addresses map each output file name and Hugo address,
	// lower-cased, to the post that took it.
	files, addresses map[string]string

	converted, normalized int
	failures              []string
}

// run converts every post and returns the exit status.
func (c *converter) run() int {
	if err := c.setup(); err != nil {
		c.fail(err)
		return 1
	}
	posts, err := findPosts(c.site, c.stderr)
	if err != nil {
		c.fail(err)
	}
	for _, p := range posts {
		if err := c.convert(p); err != nil {
			c.fail(err)
		}
	}
	fmt.Fprintf(c.stderr, "jekyll2hugo: %d posts converted (%d changed by normalization), %d failed\n",
		c.converted, c.normalized, len(c.failures))
	if len(c.failures) > 0 {
		return 1
	}
	return 0
}

// setup reads the site's time zone, unless -tz gave one, and its
// permalink setting.
func (c *converter) setup() error {
	c.files = map[string]string{}
	c.addresses = map[string]string{}
	if c.location == nil {
		loc, config, err := article.SiteLocation(c.site)
		if err != nil {
			return err
		}
		if loc == nil {
			where := "no site configuration"
			if config != "" {
				where = config + " has no timezone"
			}
			fmt.Fprintf(c.stderr, "jekyll2hugo: %s: dates without a zone are taken as UTC; use -tz to name the site's zone\n", where)
			loc = time.UTC
		}
		c.location = loc
	}
	var err error
	c.permalink, err = readPermalink(c.site)
	return err
}

// convert converts one post and writes it, or prints it with -n.
func (c *converter) convert(p post) error {
	src, err := os.ReadFile(p.path)
	if err != nil {
		return err
	}
	parser := article.Parser{Location: c.location, BodyFormat: article.FormatMarkdown}
	if p.html {
		parser.BodyFormat = article.FormatHTML
	}
	a, err := parser.ParseBytes(p.path, src)
	if err != nil {
		return err
	}
	if a.Date.IsZero() && p.date != "" && !hasKey(a, "date") {
		// A name such as 2022-1-5-x.md, which Jekyll reads and the
		// article package does not: midnight in the site's zone.
		a.Date, _ = time.ParseInLocation("2006-1-2", p.date, c.location)
	}
	if !c.keep && len(article.Normalize(a)) > 0 {
		c.normalized++
	}

	m := mapping{loc: c.location, draft: p.draft}
	slug := a.Slug
	if !hasKey(a, "slug") {
		slug = p.slug
	}
	data := urlData{date: a.Date.In(c.location), slug: slug, name: p.name, categories: a.Categories}
	if a.Permalink != "" && hasKey(a, "permalink") {
		if m.url, err = expandURL(a.Permalink, data); err != nil {
			return fmt.Errorf("%s: %v", p.path, err)
		}
	} else if !a.Draft && !p.draft && !a.Date.IsZero() {
		// A post Jekyll published moves to Hugo's address; its old one
		// becomes an alias.
		old, err := expandURL(c.permalink, data)
		if err != nil {
			return fmt.Errorf("%s: %v", p.path, err)
		}
		if old != hugoAddress("", slug) {
			m.alias = old
		}
	}
	a.FrontMatter = article.FrontMatter{Format: article.FormatYAML, Fields: hugoFrontMatter(a, m)}
	a.BodyFormat = article.FormatMarkdown
	a.Layout = ""

	var buf bytes.Buffer
	if err := render.Markdown(&buf, a); err != nil {
		return fmt.Errorf("%s: %v", p.path, err)
	}

	rel := filepath.Join("content", "posts", p.slug+".md")
	key := strings.ToLower(filepath.ToSlash(rel))
	if first, ok := c.files[key]; ok {
		return fmt.Errorf("%s: %s is already written from %s", p.path, filepath.ToSlash(rel), first)
	}
	addr := hugoAddress(m.url, slug)
	if first, ok := c.addresses[strings.ToLower(addr)]; ok {
		return fmt.Errorf("%s: address %s is already taken by %s", p.path, addr, first)
	}
	if c.dryRun {
		fmt.Fprintf(c.stdout, "-- %s --\n", filepath.ToSlash(rel))
		c.stdout.Write(buf.Bytes())
	} else {
		dst := filepath.Join(c.out, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	c.files[key] = p.path
	c.addresses[strings.ToLower(addr)] = p.path
	c.converted++
	return nil
}

func hasKey(a *article.Article, key string) bool {
	for _, f := range a.FrontMatter.Fields {
		if strings.EqualFold(f.Key, key) {
			return true
		}
	}
	return false
}

func (c *converter) fail(err error) {
	var pe *article.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Error()
	}
	fmt.Fprintln(c.stderr, msg)
	c.failures = append(c.failures, msg)
}

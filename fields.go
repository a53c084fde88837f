package article

import (
	"path/filepath"
	"strings"
	"time"
)

// typedFields fills the typed fields of a from its front matter, with
// Jekyll's and Hugo's rules. Keys match case-insensitively, as in Hugo;
// when a key appears in several spellings the first one wins.
func (p *Parser) typedFields(a *Article, name string, lines *sourceLines) error {
	seen := map[string]bool{}
	for _, f := range a.FrontMatter.Fields {
		key := strings.ToLower(f.Key)
		if seen[key] {
			continue
		}
		seen[key] = true
		v := f.Value
		switch key {
		case "title":
			a.Title = scalarText(v)
		case "layout":
			a.Layout = scalarText(v)
		case "slug":
			a.Slug = scalarText(v)
		case "permalink":
			a.Permalink = scalarText(v)
		case "url":
			if a.Permalink == "" && !seen["permalink"] {
				a.Permalink = scalarText(v)
			}
		case "categories", "tags":
			// Jekyll splits a string of categories or tags on spaces.
			list := splitList(v, true)
			if key == "tags" {
				a.Tags = appendUnique(a.Tags, list...)
			} else {
				a.Categories = appendUnique(a.Categories, list...)
			}
		case "category":
			a.Categories = appendUnique(a.Categories, splitList(v, false)...)
		case "tag":
			a.Tags = appendUnique(a.Tags, splitList(v, false)...)
		case "author", "authors":
			a.Authors = appendUnique(a.Authors, authorNames(v)...)
		case "aliases":
			a.Aliases = splitList(v, false)
		case "draft":
			if v.Kind == KindBool && v.Text != "" {
				a.Draft = a.Draft || isTrue(v.Text)
			}
		case "published":
			// published: false is Jekyll's draft flag; a date-valued
			// published is a publication date.
			if v.Kind == KindBool || isBoolWord(v.Text) {
				if !isTrue(v.Text) {
					a.Draft = true
				}
				continue
			}
			if err := p.setDate(&a.PublishDate, nil, v, lines); err != nil {
				return err
			}
		case "summary", "description", "excerpt":
			if a.Summary == "" {
				a.Summary = scalarText(v)
			}
		case "date":
			if err := p.setDate(&a.Date, &a.DateZoneAssumed, v, lines); err != nil {
				return err
			}
		case "lastmod", "modified", "last_modified_at", "updated":
			if a.Lastmod.IsZero() {
				if err := p.setDate(&a.Lastmod, nil, v, lines); err != nil {
					return err
				}
			}
		case "publishdate", "pubdate":
			if a.PublishDate.IsZero() {
				if err := p.setDate(&a.PublishDate, nil, v, lines); err != nil {
					return err
				}
			}
		}
	}
	p.fileNameFields(a, name)
	return nil
}

// setDate parses a date-valued field. A null or empty value means no date;
// anything else that is not a date is an error at the value.
func (p *Parser) setDate(dst *time.Time, assumed *bool, v Value, lines *sourceLines) error {
	switch v.Kind {
	case KindNull:
		return nil
	case KindString, KindTime, KindInt, KindFloat:
		if v.Kind == KindString && v.Text == "" {
			return nil
		}
		t, zoneAssumed, err := parseDate(v.Text, p.Location)
		if err != nil {
			return &posError{lines.offsetOf(v.Line, v.Col), err}
		}
		*dst = t
		if assumed != nil {
			*assumed = zoneAssumed
		}
		return nil
	}
	return &posError{lines.offsetOf(v.Line, v.Col), wrapf(ErrBadDate, "a date must be a single value, not a %s", v.Kind)}
}

// fileNameFields applies Jekyll's post naming, YYYY-MM-DD-slug.ext (month
// and day may be unpadded): the name gives the date when the front matter
// has none, and the slug.
func (p *Parser) fileNameFields(a *Article, name string) {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	parts := strings.SplitN(base, "-", 4)
	if len(parts) != 4 || parts[3] == "" || len(parts[0]) != 4 ||
		!allDigits(parts[0]) || !allDigits(parts[1]) || !allDigits(parts[2]) ||
		len(parts[1]) > 2 || len(parts[2]) > 2 {
		return
	}
	t, assumed, err := parseDate(parts[0]+"-"+parts[1]+"-"+parts[2], p.Location)
	if err != nil {
		return
	}
	if a.Date.IsZero() && !hasKey(a.FrontMatter.Fields, "date") {
		a.Date, a.DateZoneAssumed = t, assumed
	}
	if a.Slug == "" {
		a.Slug = parts[3]
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func hasKey(fields []Field, key string) bool {
	for _, f := range fields {
		if strings.EqualFold(f.Key, key) {
			return true
		}
	}
	return false
}

// scalarText is the text of a scalar, or "" for null, lists and maps.
func scalarText(v Value) string {
	switch v.Kind {
	case KindNull, KindList, KindMap:
		return ""
	}
	return v.Text
}

// splitList reads a list of strings: a list's scalar elements, or a single
// string, split on white space when split is set.
func splitList(v Value, split bool) []string {
	var out []string
	switch v.Kind {
	case KindList:
		for _, e := range v.List {
			if s := strings.TrimSpace(scalarText(e)); s != "" {
				out = append(out, s)
			}
		}
	case KindNull, KindMap:
	default:
		if split {
			return strings.Fields(v.Text)
		}
		if s := strings.TrimSpace(v.Text); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// authorNames reads author or authors: a string, a list of strings, or
// maps with a name key (Hugo and jekyll-import write both).
func authorNames(v Value) []string {
	switch v.Kind {
	case KindMap:
		for _, f := range v.Map {
			if strings.EqualFold(f.Key, "name") || strings.EqualFold(f.Key, "display_name") {
				if s := scalarText(f.Value); s != "" {
					return []string{s}
				}
			}
		}
		return nil
	case KindList:
		var out []string
		for _, e := range v.List {
			out = append(out, authorNames(e)...)
		}
		return out
	}
	if s := strings.TrimSpace(scalarText(v)); s != "" {
		return []string{s}
	}
	return nil
}

func appendUnique(list []string, items ...string) []string {
next:
	for _, s := range items {
		for _, t := range list {
			if s == t {
				continue next
			}
		}
		list = append(list, s)
	}
	return list
}

// isBoolWord reports a YAML 1.1 boolean spelling that YAML 1.2 reads as
// a string.
func isBoolWord(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off":
		return true
	}
	return false
}

// isTrue reads a boolean's text: YAML 1.1 spellings included, since
// Jekyll sites write "yes" and "on".
func isTrue(s string) bool {
	switch strings.ToLower(s) {
	case "true", "yes", "on", "y":
		return true
	}
	return false
}

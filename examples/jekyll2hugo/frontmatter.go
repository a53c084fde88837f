package main

import (
	"strings"
	"time"

	"github.com/articlekit/article"
)

// hugoDateLayout is RFC 3339 with the offset always written as ±hh:mm,
// never Z, so that every date shows the zone it was made explicit in.
const hugoDateLayout = "2006-01-02T15:04:05.999999999-07:00"

// A mapping is what the front matter of one post becomes: everything the
// caller has worked out about the post that the front matter alone does
// not say.
type mapping struct {
	loc   *time.Location // the zone dates are written in; nil keeps their own
	draft bool           // the post came from _drafts
	url   string         // the expanded permalink, "" when none
	alias string         // the post's old Jekyll address, "" when none is needed
}

// hugoFrontMatter maps the front matter of a Jekyll post, read into a,
// to Hugo's keys. Keys keep their input order, each mapped key taking the
// place of the first key it came from; keys with no place in the input
// (a date from the file name, the draft flag of a post in _drafts, an
// alias) are added after the title, after the date and at the end.
func hugoFrontMatter(a *article.Article, m mapping) []article.Field {
	in := a.FrontMatter.Fields
	var out []article.Field
	written := map[string]bool{} // lower-cased keys already in out
	add := func(key string, v article.Value) {
		written[strings.ToLower(key)] = true
		out = append(out, article.Field{Key: key, Value: v})
	}
	has := func(keys ...string) bool {
		for _, f := range in {
			for _, k := range keys {
				if strings.EqualFold(f.Key, k) {
					return true
				}
			}
		}
		return false
	}
	draft := a.Draft || m.draft
	draftPlaced := false
	placeDraft := func() {
		if draft && !draftPlaced {
			add("draft", article.Value{Kind: article.KindBool, Text: "true"})
		}
		draftPlaced = true
	}
	// A date that came from the file name has no place in the input.
	nameDate := !has("date")
	placeNameDate := func() {
		if nameDate && !a.Date.IsZero() {
			add("date", dateValue(a.Date, m.loc))
		}
		nameDate = false
	}
	if !has("title") {
		placeNameDate()
		if !has("published", "draft") {
			placeDraft()
		}
	}
	excerptIsSummary := !has("summary")
	aliases := aliasList(a, m)

	for _, f := range in {
		key := strings.ToLower(f.Key)
		switch key {
		case "layout":
			continue
		case "title":
			if !written["title"] {
				add(f.Key, f.Value)
				placeNameDate()
				if !has("published", "draft") {
					placeDraft()
				}
				continue
			}
		case "date":
			if !written["date"] {
				if !a.Date.IsZero() {
					add("date", dateValue(a.Date, m.loc))
				}
				written["date"] = true
				continue
			}
		case "published":
			if f.Value.Kind == article.KindBool || isBoolWord(f.Value.Text) {
				placeDraft()
				continue
			}
			if !written["publishdate"] && !a.PublishDate.IsZero() {
				add("publishDate", dateValue(a.PublishDate, m.loc))
				continue
			}
		case "draft":
			if f.Value.Kind == article.KindBool || isBoolWord(f.Value.Text) {
				placeDraft()
				continue
			}
		case "categories", "category":
			// Folded into the first key of its group.
			if !written["categories"] {
				if len(a.Categories) > 0 {
					add("categories", stringList(a.Categories))
				}
				written["categories"] = true
			}
			continue
		case "tags", "tag":
			// Folded into the first key of its group.
			if !written["tags"] {
				if len(a.Tags) > 0 {
					add("tags", stringList(a.Tags))
				}
				written["tags"] = true
			}
			continue
		case "permalink":
			if !written["url"] && m.url != "" {
				add("url", article.Value{Kind: article.KindString, Text: m.url})
				continue
			}
		case "last_modified_at", "modified", "updated", "lastmod":
			if !written["lastmod"] && !a.Lastmod.IsZero() {
				add("lastmod", dateValue(a.Lastmod, m.loc))
				continue
			}
		case "excerpt":
			if excerptIsSummary && !written["summary"] {
				add("summary", f.Value)
				continue
			}
		case "author", "authors":
			// Folded into the first key of its group.
			if !written["authors"] {
				if len(a.Authors) > 0 {
					add("authors", stringList(a.Authors))
				}
				written["authors"] = true
			}
			if !hasMap(f.Value) {
				continue
			}
			// An author given as a map (name, email, url) keeps all of
			// it, as a page parameter, besides the name in authors.
		case "redirect_from", "aliases":
			// Folded into the first key of its group.
			if !written["aliases"] {
				if len(aliases) > 0 {
					add("aliases", stringList(aliases))
				}
				written["aliases"] = true
			}
			continue
		case "sitemap":
			// jekyll-sitemap's sitemap: false; Hugo's sitemap is a map.
			if f.Value.Kind == article.KindBool || isBoolWord(f.Value.Text) {
				if !isTrue(f.Value.Text) {
					add("sitemap", article.Value{Kind: article.KindMap, Map: []article.Field{
						{Key: "disable", Value: article.Value{Kind: article.KindBool, Text: "true"}},
					}})
				}
				continue
			}
		}
		// Kept as it is, unless a mapped key took its name.
		if written[key] {
			f.Key = "jekyll_" + f.Key
		}
		add(f.Key, f.Value)
	}
	placeNameDate()
	placeDraft()
	if !written["aliases"] && len(aliases) > 0 {
		add("aliases", stringList(aliases))
	}
	return out
}

// aliasList is the post's aliases: those its front matter names (Hugo's
// aliases, jekyll-redirect-from's redirect_from), then its old address.
func aliasList(a *article.Article, m mapping) []string {
	var list []string
	for _, f := range a.FrontMatter.Fields {
		switch strings.ToLower(f.Key) {
		case "aliases", "redirect_from":
			list = appendUnique(list, scalars(f.Value)...)
		}
	}
	if m.alias != "" {
		list = appendUnique(list, m.alias)
	}
	return list
}

// dateValue writes t in loc (or its own zone when loc is nil) as RFC 3339.
// An offset with seconds, which RFC 3339 cannot write (local mean time
// before 1901), is given as UTC instead of being rounded to another
// instant.
func dateValue(t time.Time, loc *time.Location) article.Value {
	if loc != nil {
		t = t.In(loc)
	}
	if _, off := t.Zone(); off%60 != 0 {
		t = t.UTC()
	}
	return article.Value{Kind: article.KindTime, Text: t.Format(hugoDateLayout)}
}

func stringList(items []string) article.Value {
	v := article.Value{Kind: article.KindList, List: make([]article.Value, 0, len(items))}
	for _, s := range items {
		v.List = append(v.List, article.Value{Kind: article.KindString, Text: s})
	}
	return v
}

// hasMap reports whether v is a map or a list holding one.
func hasMap(v article.Value) bool {
	if v.Kind == article.KindMap {
		return true
	}
	for _, e := range v.List {
		if hasMap(e) {
			return true
		}
	}
	return false
}

// scalars is the text of a scalar, or of each scalar in a list.
func scalars(v article.Value) []string {
	switch v.Kind {
	case article.KindList:
		var out []string
		for _, e := range v.List {
			out = append(out, scalars(e)...)
		}
		return out
	case article.KindMap, article.KindNull:
		return nil
	}
	if s := strings.TrimSpace(v.Text); s != "" {
		return []string{s}
	}
	return nil
}

func appendUnique(list []string, items ...string) []string {
	for _, s := range items {
		dup := false
		for _, t := range list {
			dup = dup || s == t
		}
		if !dup {
			list = append(list, s)
		}
	}
	return list
}

// isBoolWord reports a boolean spelling, YAML 1.1's included: Jekyll reads
// front matter as YAML 1.1, so published: no is a flag.
func isBoolWord(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off":
		return true
	}
	return false
}

func isTrue(s string) bool {
	switch strings.ToLower(s) {
	case "true", "yes", "on":
		return true
	}
	return false
}

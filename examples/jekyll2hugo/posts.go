package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// A post is one file of _posts or _drafts.
type post struct {
	path  string // as found under SITE_DIR
	name  string // the file name without its extension
	slug  string // the name without its date: the output file's name
	date  string // the date in the name, "" if none
	html  bool   // the body is HTML
	draft bool   // from _drafts
}

// postExts are the extensions of the posts Jekyll converts without
// plugins, and whether the body is HTML.
var postExts = map[string]bool{
	".md": false, ".markdown": false, ".mkd": false, ".mkdn": false, ".mdown": false,
	".html": true, ".htm": true,
}

// postName is Jekyll's post file name: a date, a hyphen and the title.
var postName = regexp.MustCompile(`^(\d{2,4}-\d{1,2}-\d{1,2})-(.+)$`)

// findPosts lists the posts of the site: _posts first, then _drafts, each
// walked in lexical order, skipping files and folders whose names start
// with a dot or an underscore. A file in _posts whose name has no date is
// not a post to Jekyll, which never publishes it; it is skipped with a
// note on w.
func findPosts(site string, w io.Writer) ([]post, error) {
	var posts []post
	for _, folder := range []string{"_posts", "_drafts"} {
		root := filepath.Join(site, folder)
		if _, err := os.Stat(root); err != nil {
			if folder == "_posts" {
				return posts, fmt.Errorf("%s: %v", site, err)
			}
			continue
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			ext := filepath.Ext(name)
			html, ok := postExts[strings.ToLower(ext)]
			if d.IsDir() || !ok {
				return nil
			}
			p := post{path: path, name: strings.TrimSuffix(name, ext), html: html, draft: folder == "_drafts"}
			p.slug = p.name
			if m := postName.FindStringSubmatch(p.name); m != nil {
				if _, err := time.Parse("2006-1-2", m[1]); err == nil {
					p.date, p.slug = m[1], m[2]
				}
			}
			if p.date == "" && !p.draft {
				fmt.Fprintf(w, "jekyll2hugo: %s: skipped: Jekyll publishes only posts named YYYY-MM-DD-title%s\n", path, ext)
				return nil
			}
			posts = append(posts, p)
			return nil
		})
		if err != nil {
			return posts, err
		}
	}
	return posts, nil
}

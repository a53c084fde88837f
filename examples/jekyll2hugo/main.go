// Jekyll2hugo converts the posts of a Jekyll site into Hugo content files:
// one Markdown file per post under OUT_DIR/content/posts/, with the front
// matter mapped to the keys Hugo reads, dates made explicit in the site's
// time zone, and bodies normalized.
//
// Usage:
//
//	jekyll2hugo [-tz ZONE] [-keep] [-n] SITE_DIR OUT_DIR
//
// The flags are:
//
//	-tz ZONE  the site's time zone (default: the timezone of
//	          SITE_DIR/_config.yml, else UTC): dates written without a
//	          zone take it, and every date is written in it
//	-keep     do not normalize titles, summaries and bodies
//	-n        print what would be written, as -- path -- sections
//	          followed by each file, and write nothing
//
// Every file under SITE_DIR/_posts named YYYY-MM-DD-slug.EXT (EXT one of
// md, markdown, mkd, mkdn, html, htm) becomes OUT_DIR/content/posts/slug.md;
// every such file under SITE_DIR/_drafts, with or without a date, becomes a
// post marked draft: true. The output folder can be copied into a Hugo
// site as it is. Two posts that would get the same file name, or the same
// address, are reported as errors and only the first is written.
//
// # Front matter
//
// The front matter is written as YAML, keys in their input order, each
// mapped key taking the place of the key it came from:
//
//	title                    title
//	date (or the file name)  date, RFC 3339 with the offset of the
//	                         site's zone: 2022-01-23T20:41:05+08:00
//	categories, category     categories, one list (a string splits on
//	                         spaces, as Jekyll does; category does not)
//	tags, tag                tags, one list, likewise
//	published: false         draft: true (published: true is dropped;
//	                         a date-valued published is publishDate)
//	permalink                url, expanded as Jekyll expands it
//	last_modified_at,
//	modified, updated        lastmod, RFC 3339 like date
//	excerpt                  summary (description stays description)
//	author, authors          authors, a list of names (an author
//	                         given as a map is also kept as it is)
//	redirect_from, aliases   aliases, a list
//	sitemap: false           sitemap: {disable: true}
//	layout                   dropped
//
// Every other key is kept as it is; Hugo makes it a page parameter. A kept
// key that would repeat a key already written (a url next to a permalink)
// is written as jekyll_KEY, so that nothing is lost and no key appears
// twice.
//
// Layout is dropped because Hugo picks templates by section and type:
// a Jekyll "layout: post" would make Hugo look for a template of that name,
// which a Hugo theme does not have.
//
// # Addresses
//
// A post with a permalink keeps its address: the permalink becomes url.
// Every other post moves to Hugo's /posts/SLUG/, and its old Jekyll
// address — the site's permalink setting in _config.yml (date by default,
// or pretty, ordinal, none, or a pattern of :year, :month, :day, :title,
// :categories, …) applied to the post — becomes an alias, so that Hugo
// writes a redirect there. No alias is written when the two addresses are
// the same.
//
// # Bodies
//
// Bodies are read as the article package reads them: an .html post's body
// becomes Markdown, the credit line, story link and navigation links come
// back at its end, and, unless -keep is given, text is normalized with
// article.Normalize. A Liquid {% highlight LANG %} … {% endhighlight %}
// block on lines of its own becomes a fenced code block; other Liquid tags
// are kept as text. Figures and markup with no Markdown form stay HTML,
// which Hugo renders only with markup.goldmark.renderer.unsafe = true.
//
// A post that cannot be read is reported on standard error as
// name:line:col: message and the others go on; the exit status is then 1.
// A summary follows. Bad usage exits with status 2.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"
	_ "time/tzdata" // so -tz and the site zone work on machines without zoneinfo
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: jekyll2hugo [-tz ZONE] [-keep] [-n] SITE_DIR OUT_DIR\n")
	flag.PrintDefaults()
	os.Exit(2)
}

func main() {
	log.SetPrefix("jekyll2hugo: ")
	log.SetFlags(0)
	var (
		tz     = flag.String("tz", "", "the site's time `zone`, for dates written without one and for output (default: _config.yml's, else UTC)")
		keep   = flag.Bool("keep", false, "do not normalize")
		dryRun = flag.Bool("n", false, "print what would be written, and write nothing")
	)
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() != 2 {
		usage()
	}
	c := &converter{
		site:   flag.Arg(0),
		out:    flag.Arg(1),
		keep:   *keep,
		dryRun: *dryRun,
		stdout: os.Stdout,
		stderr: os.Stderr,
	}
	if *tz != "" {
		loc, err := time.LoadLocation(*tz)
		if err != nil {
			log.Printf("-tz: %v", err)
			usage()
		}
		c.location = loc
	}
	if info, err := os.Stat(c.site); err != nil || !info.IsDir() {
		log.Printf("%s is not a folder", c.site)
		usage()
	}
	os.Exit(c.run())
}

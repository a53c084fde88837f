// Articlefmt converts, normalizes and checks articles — posts with front
// matter and a Markdown or HTML body — the way gofmt does for Go: it
// writes them back as Markdown, JSON or JSON Lines, with their typography
// and dates normalized.
//
// Usage:
//
//	articlefmt [flags] [path ...]
//
// Each path is a file or a folder; folders are walked for .md, .markdown,
// .html and .htm files, skipping _site, public, node_modules and folders
// whose names start with a dot. With no path, articlefmt reads standard
// input. The flags are:
//
//	-to md|json|jsonl  output format (default md); jsonl writes one JSON
//	                   object per line, with the file name under "file"
//	-o DIR             write one output file per input under DIR
//	-tz ZONE           time zone of dates written without one; by default
//	                   the zone of the Jekyll or Hugo site a file lies in
//	                   (_config.yml timezone, hugo.toml timeZone), else UTC
//	-keep              do not normalize
//	-space             put spaces between CJK and Latin text
//	-profile NAME      zh-hans (default), zh-hant or ja
//	-out-tz ZONE       re-express every date in ZONE
//	-text              the input is plain text: print it normalized
//	-edits             print each normalization edit instead of the output
//	-l                 list the files whose output differs from the input
//	-d                 print a unified diff of input and output
//	-w                 rewrite the files in place (Markdown bodies only)
//	-check             exit 1 when a file would change or fails
//	-j N               files processed at once (default: the CPU count)
//	-v                 say which site configuration gave each folder its zone
//
// A file that cannot be read is reported on standard error as
// name:line:col: message and the other files go on; the exit status is
// then 1. When a run covers more than one file, a summary follows on
// standard error, and on a terminal a progress bar shows runs that take
// more than a second. Bad usage exits with status 2.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"time"
	_ "time/tzdata" // so -tz and site zones work on machines without zoneinfo

	"github.com/articlekit/article"
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: articlefmt [flags] [path ...]\n")
	flag.PrintDefaults()
	os.Exit(2)
}

func main() {
	log.SetPrefix("articlefmt: ")
	log.SetFlags(0)
	var (
		to      = flag.String("to", "md", "output `format`: md, json or jsonl")
		outDir  = flag.String("o", "", "write one file per input under `dir`")
		tz      = flag.String("tz", "", "time `zone` of dates written without one (default: the site's, else UTC)")
		keep    = flag.Bool("keep", false, "do not normalize")
		space   = flag.Bool("space", false, "put spaces between CJK and Latin text")
		profile = flag.String("profile", "zh-hans", "normalization `profile`: zh-hans, zh-hant or ja")
		outTZ   = flag.String("out-tz", "", "re-express every date in `zone`")
		text    = flag.Bool("text", false, "the input is plain text: print it normalized")
		edits   = flag.Bool("edits", false, "print each normalization edit instead of the output")
		list    = flag.Bool("l", false, "list files whose output differs from the input")
		diff    = flag.Bool("d", false, "print a unified diff of input and output")
		write   = flag.Bool("w", false, "rewrite files in place")
		check   = flag.Bool("check", false, "exit 1 when any file would change or fails")
		jobs    = flag.Int("j", runtime.NumCPU(), "`number` of files processed at once")
		verbose = flag.Bool("v", false, "say which site configuration gave each folder its time zone")
	)
	flag.Usage = usage
	flag.Parse()

	c := &command{
		format:  *to,
		outDir:  *outDir,
		text:    *text,
		edits:   *edits,
		list:    *list,
		diff:    *diff,
		write:   *write,
		check:   *check,
		jobs:    *jobs,
		verbose: *verbose,
		out:     os.Stdout,
		errs:    os.Stderr,
	}
	switch *to {
	case "md", "markdown":
		c.format = "md"
	case "json", "jsonl":
	default:
		log.Printf("unknown -to %q: want md, json or jsonl", *to)
		usage()
	}
	if *jobs < 1 {
		log.Printf("-j must be at least 1")
		usage()
	}
	if !*keep {
		c.normalizer = &article.Normalizer{Space: *space}
		switch *profile {
		case "zh-hans", "":
			c.normalizer.Profile = article.ProfileSimplified
		case "zh-hant":
			c.normalizer.Profile = article.ProfileTraditional
		case "ja":
			c.normalizer.Profile = article.ProfileJapanese
		default:
			log.Printf("unknown -profile %q: want zh-hans, zh-hant or ja", *profile)
			usage()
		}
		if *outTZ != "" {
			c.normalizer.Location = loadZone("-out-tz", *outTZ)
		}
	} else if *space || *outTZ != "" || *edits {
		log.Printf("-space, -out-tz and -edits need normalization: drop -keep")
		usage()
	}
	if *tz != "" {
		c.location = loadZone("-tz", *tz)
	}
	if *write && *outDir != "" {
		log.Printf("-w and -o cannot be used together")
		usage()
	}
	if (*write || *list || *diff) && c.format != "md" && !*text {
		log.Printf("-w, -l and -d compare Markdown output with the input: use -to md")
		usage()
	}
	os.Exit(c.run(flag.Args()))
}

func loadZone(flagName, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		log.Printf("%s: %v", flagName, err)
		usage()
	}
	return loc
}

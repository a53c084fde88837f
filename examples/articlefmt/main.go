// Articlefmt converts and checks articles: it reads posts with front
// matter and a Markdown or HTML body and writes them back as Markdown or
// JSON.
//
// Usage:
//
//	articlefmt [flags] [file ...]
//
// With no file it reads standard input. The flags are:
//
//	-to md|json   output format (default md)
//	-tz ZONE      time zone of dates written without one (default UTC)
//	-o DIR        write one output file per input under DIR instead of
//	              standard output
//
// A file that cannot be read is reported on standard error as
// name:line:col: message, the other files are still processed, and the
// exit status is 1. Bad usage exits with status 2.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // so -tz works on machines without zoneinfo

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: articlefmt [-to md|json] [-tz ZONE] [-o DIR] [file ...]\n")
	flag.PrintDefaults()
	os.Exit(2)
}

func main() {
	log.SetPrefix("articlefmt: ")
	log.SetFlags(0)
	to := flag.String("to", "md", "output `format`: md or json")
	tz := flag.String("tz", "", "time `zone` of dates written without one (default UTC)")
	outDir := flag.String("o", "", "write one file per input under `dir`")
	flag.Usage = usage
	flag.Parse()

	cmd := &command{out: os.Stdout, errs: os.Stderr, outDir: *outDir}
	switch *to {
	case "md", "markdown":
		cmd.render, cmd.ext = render.Markdown, ".md"
	case "json":
		cmd.render, cmd.ext = render.JSON, ".json"
	default:
		log.Printf("unknown -to %q: want md or json", *to)
		usage()
	}
	if *tz != "" {
		loc, err := time.LoadLocation(*tz)
		if err != nil {
			log.Printf("-tz: %v", err)
			usage()
		}
		cmd.parser.Location = loc
	}
	if flag.NArg() == 0 {
		src, err := io.ReadAll(os.Stdin)
		if err != nil {
			log.Fatal(err)
		}
		cmd.process("<stdin>", src)
	}
	for _, name := range flag.Args() {
		src, err := os.ReadFile(name)
		if err != nil {
			cmd.fail(err)
			continue
		}
		cmd.process(name, src)
	}
	if cmd.failed {
		os.Exit(1)
	}
}

type command struct {
	parser article.Parser
	render func(io.Writer, *article.Article) error
	ext    string
	outDir string
	out    io.Writer
	errs   io.Writer
	failed bool
}

func (c *command) fail(err error) {
	fmt.Fprintln(c.errs, err)
	c.failed = true
}

// process converts one input and writes it out.
func (c *command) process(name string, src []byte) {
	a, err := c.parser.ParseBytes(name, src)
	if err != nil {
		c.fail(err)
		return
	}
	var buf bytes.Buffer
	if err := c.render(&buf, a); err != nil {
		c.fail(fmt.Errorf("%s: %v", name, err))
		return
	}
	if c.outDir == "" {
		c.out.Write(buf.Bytes())
		return
	}
	base := filepath.Base(name)
	dst := filepath.Join(c.outDir, strings.TrimSuffix(base, filepath.Ext(base))+c.ext)
	if err := os.MkdirAll(c.outDir, 0o755); err != nil {
		c.fail(err)
		return
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		c.fail(err)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
)

// A command is one run of articlefmt: its settings and its counts.
type command struct {
	format     string // md, json or jsonl
	outDir     string
	location   *time.Location // -tz; nil means the site's zone
	normalizer *article.Normalizer
	text       bool
	edits      bool
	list       bool
	diff       bool
	write      bool
	check      bool
	jobs       int
	verbose    bool
	out, errs  io.Writer

	sites siteZones

	// Counts for the summary.
	read, converted, changed, normalized int
	failures                             []string
}

// A result is what processing one input produced, written out in input
// order by the main goroutine.
type result struct {
	name    string
	output  []byte   // what goes to standard output
	file    []byte   // what goes to the -o file or, with -w, back to name
	edits   []string // -edits lines
	changed bool     // the output differs from the input
	// normalized reports that normalization changed something.
	normalized bool
	err        error
}

// run processes every input and returns the exit status.
func (c *command) run(args []string) int {
	if len(args) == 0 {
		src, err := io.ReadAll(os.Stdin)
		if err != nil {
			c.fail(err)
			return 1
		}
		c.emit(c.process("<stdin>", src))
		return c.status()
	}
	files, walkErrs := expand(args)
	for _, err := range walkErrs {
		c.fail(err)
	}
	progress := newProgress(c.errs, len(files))
	c.parallel(files, func(r result) {
		c.emit(r)
		progress.step()
	})
	progress.done()
	if len(files) > 1 || len(walkErrs) > 0 || isDirArg(args) {
		c.summary()
	}
	return c.status()
}

func (c *command) status() int {
	if len(c.failures) > 0 || (c.check && c.changed > 0) {
		return 1
	}
	return 0
}

// parallel processes files on c.jobs goroutines and hands the results to
// emit in input order. At most 4×jobs results wait at any time, so memory
// stays bounded however many files there are.
func (c *command) parallel(files []string, emit func(result)) {
	type slot struct {
		done chan result
	}
	window := make(chan slot, 4*c.jobs)
	work := make(chan struct {
		name string
		s    slot
	})
	var wg sync.WaitGroup
	for i := 0; i < c.jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w := range work {
				w.s.done <- c.processFile(w.name)
			}
		}()
	}
	go func() {
		for _, name := range files {
			s := slot{done: make(chan result, 1)}
			window <- s // blocks while 4×jobs results are pending
			work <- struct {
				name string
				s    slot
			}{name, s}
		}
		close(work)
		close(window)
	}()
	for s := range window {
		emit(<-s.done)
	}
	wg.Wait()
}

func (c *command) processFile(name string) result {
	src, err := os.ReadFile(name)
	if err != nil {
		return result{name: name, err: err}
	}
	return c.process(name, src)
}

// process converts one input.
func (c *command) process(name string, src []byte) result {
	r := result{name: name}
	if c.text {
		return c.processText(name, src)
	}
	p := article.Parser{Location: c.location}
	if p.Location == nil && name != "<stdin>" {
		loc, err := c.sites.lookup(filepath.Dir(name), c.verbose, c.errs)
		if err != nil {
			r.err = err
			return r
		}
		p.Location = loc
	}
	a, err := p.ParseBytes(name, src)
	if err != nil {
		r.err = err
		return r
	}
	if c.normalizer != nil {
		for _, e := range c.normalizer.Normalize(a) {
			r.edits = append(r.edits, name+":"+e.String())
		}
		r.normalized = len(r.edits) > 0
	}
	var buf bytes.Buffer
	switch c.format {
	case "md":
		err = render.Markdown(&buf, a)
	case "json":
		err = render.JSON(&buf, a)
	case "jsonl":
		err = jsonLine(&buf, name, a)
	}
	if err != nil {
		r.err = fmt.Errorf("%s: %v", name, err)
		return r
	}
	r.file = buf.Bytes()
	r.changed = c.format == "md" && !bytes.Equal(r.file, src)
	if c.format != "md" {
		r.changed = len(r.edits) > 0
	}
	if r.changed && c.write && a.BodyFormat == article.FormatHTML {
		r.err = fmt.Errorf("%s: -w would turn an HTML body into Markdown in place; use -o", name)
		return r
	}
	c.compose(&r, src)
	return r
}

// processText normalizes plain text (-text).
func (c *command) processText(name string, src []byte) result {
	r := result{name: name}
	n := c.normalizer
	if n == nil {
		n = &article.Normalizer{Disable: article.Rules()}
	}
	out := n.NormalizeString(string(src))
	r.file = []byte(out)
	r.changed = out != string(src)
	r.normalized = r.changed
	c.compose(&r, src)
	return r
}

// compose fills r.output: the converted text, or what -l, -d or -edits
// print instead of it.
func (c *command) compose(r *result, src []byte) {
	switch {
	case c.edits:
		r.output = []byte(strings.Join(r.edits, "\n"))
		if len(r.output) > 0 {
			r.output = append(r.output, '\n')
		}
	case c.list || c.diff || c.write || c.check:
		var b bytes.Buffer
		if c.list && r.changed {
			fmt.Fprintln(&b, r.name)
		}
		if c.diff && r.changed {
			b.WriteString(unifiedDiff(r.name, src, r.file))
		}
		r.output = b.Bytes()
	case c.outDir == "":
		r.output = r.file
	}
}

// emit writes one result, in input order.
func (c *command) emit(r result) {
	if r.err != nil {
		c.fail(r.err)
		return
	}
	c.read++
	c.converted++
	if r.changed {
		c.changed++
	}
	if r.normalized {
		c.normalized++
	}
	c.out.Write(r.output)
	switch {
	case c.write && r.changed:
		if err := os.WriteFile(r.name, r.file, 0o644); err != nil {
			c.fail(err)
		}
	case c.outDir != "" && r.name != "<stdin>":
		if err := c.writeOut(r); err != nil {
			c.fail(err)
		}
	case c.outDir != "":
		c.out.Write(r.file)
	}
}

// writeOut writes the -o file for r: the input's path, made relative and
// given the output's extension, under the output folder.
func (c *command) writeOut(r result) error {
	rel := r.name
	if filepath.IsAbs(rel) || strings.HasPrefix(filepath.Clean(rel), "..") {
		rel = filepath.Base(rel)
	}
	ext := map[string]string{"md": ".md", "json": ".json", "jsonl": ".jsonl"}[c.format]
	if c.text {
		ext = filepath.Ext(rel)
	}
	dst := filepath.Join(c.outDir, strings.TrimSuffix(rel, filepath.Ext(rel))+ext)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, r.file, 0o644)
}

func (c *command) fail(err error) {
	var pe *article.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Error()
	}
	fmt.Fprintln(c.errs, msg)
	c.failures = append(c.failures, msg)
}

// summary prints the counts and, again, every failure.
func (c *command) summary() {
	fmt.Fprintf(c.errs, "articlefmt: %d files read, %d converted, %d changed by normalization, %d failed\n",
		c.read+len(c.failures), c.converted, c.normalized, len(c.failures))
	for _, f := range c.failures {
		fmt.Fprintln(c.errs, "  "+f)
	}
}

// jsonLine writes the article as one line of JSON with its file name.
func jsonLine(w *bytes.Buffer, name string, a *article.Article) error {
	js, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	w.WriteString(`{"file":`)
	q, err := json.Marshal(name)
	if err != nil {
		return err
	}
	w.Write(q)
	w.WriteByte(',')
	w.Write(js[1:])
	w.WriteByte('\n')
	return nil
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/articlekit/article"
)

// Registering the DoFn and its emitters lets runners other than the
// in-process ones (Dataflow, Flink) call it without reflection on the
// workers, and is required there.
func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string), func(string), error](&parseFn{})
	register.Emitter1[string]()
}

// Counters are reported by the runner (the Dataflow console, Flink's web
// UI) and, on local runs, in the summary main prints.
var (
	articlesCounter = beam.NewCounter("articlekit", "articles")
	changedCounter  = beam.NewCounter("articlekit", "changed")
	failedCounter   = beam.NewCounter("articlekit", "failed")
)

// articles adds the job to the pipeline: it matches the files of glob
// through Beam's file IO, so that any registered filesystem (local, gs://,
// s3://) serves, and parses and normalizes each one with dates written
// without a zone taken in the zone named tz ("" is UTC). It returns the
// articles as JSON lines, each with the file's path under "file", and the
// files that could not be read as lines of the form name:line:col: message.
func articles(s beam.Scope, glob, tz string) (lines, failures beam.PCollection) {
	s = s.Scope("articles")
	// A glob that matches nothing is an error even without a wildcard
	// character: a mistyped path should not yield an empty, successful job.
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow()), fileio.ReadDirectorySkip())
	return beam.ParDo2(s, &parseFn{TZ: tz}, files)
}

// parseFn parses, normalizes and encodes one file. Its exported fields are
// what the runner serializes and ships to the workers; the Parser is built
// there, in Setup.
type parseFn struct {
	TZ string `json:"tz"`

	parser *article.Parser
}

// Setup loads the time zone on the worker. The binary embeds time/tzdata,
// so this works on worker images that have no zoneinfo.
func (f *parseFn) Setup() error {
	loc, err := loadZone(f.TZ)
	if err != nil {
		return err
	}
	f.parser = &article.Parser{Location: loc}
	return nil
}

// ProcessElement emits the file as a JSON line on the first output, or, when
// it cannot be read, parsed or encoded, one error line on the second. A bad
// file never fails the bundle: on an archive of many thousand posts the job
// must finish and list the files that need a human.
func (f *parseFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit, fail func(string)) error {
	name := file.Metadata.Path
	line, err := f.convert(ctx, file)
	if err != nil {
		failedCounter.Inc(ctx, 1)
		fail(errorLine(name, err))
		return nil
	}
	articlesCounter.Inc(ctx, 1)
	if line.changed {
		changedCounter.Inc(ctx, 1)
	}
	emit(line.text)
	return nil
}

type converted struct {
	text    string
	changed bool // normalization made at least one edit
}

func (f *parseFn) convert(ctx context.Context, file fileio.ReadableFile) (converted, error) {
	name := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		return converted{}, err
	}
	defer rc.Close()
	// Reading one byte past the limit lets ParseBytes report ErrTooLarge
	// without holding a huge file in memory.
	src, err := io.ReadAll(io.LimitReader(rc, article.DefaultMaxSize+1))
	if err != nil {
		return converted{}, err
	}
	a, err := f.parser.ParseBytes(name, src)
	if err != nil {
		return converted{}, err
	}
	edits := article.Normalize(a)
	var buf bytes.Buffer
	if err := jsonLine(&buf, name, a); err != nil {
		return converted{}, err
	}
	return converted{text: buf.String(), changed: len(edits) > 0}, nil
}

// errorLine formats err the way the Go toolchain does. A *article.ParseError
// already reads name:line:col: message; other errors (a file that cannot be
// opened) get the name in front.
func errorLine(name string, err error) string {
	var pe *article.ParseError
	if errors.As(err, &pe) {
		return pe.Error()
	}
	return fmt.Sprintf("%s: %v", name, err)
}

// jsonLine writes a as one line of JSON, without the newline (textio.Write
// adds it), with the file name under "file" ahead of the article's own keys.
func jsonLine(w *bytes.Buffer, name string, a *article.Article) error {
	js, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	q, err := json.Marshal(name)
	if err != nil {
		return err
	}
	w.WriteString(`{"file":`)
	w.Write(q)
	w.WriteByte(',')
	w.Write(js[1:])
	return nil
}

// loadZone loads the named zone; "" means UTC, as for article.Parser.
func loadZone(name string) (*time.Location, error) {
	if name == "" {
		return nil, nil
	}
	// LoadLocation returns a nil *Location, which acts as UTC, on error.
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: %v", name, err)
	}
	return loc, nil
}

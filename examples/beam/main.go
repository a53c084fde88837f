// Beam runs the articlefmt job — parse, normalize, write JSON Lines — as an
// Apache Beam pipeline, so that an archive too large for one machine can be
// converted on a Beam runner cluster (Dataflow, Flink) with the same binary
// that runs on a laptop.
//
// Usage:
//
//	beam -input GLOB -output FILE [-errors FILE] [-tz ZONE] [-v] [beam flags]
//
// The flags are:
//
//	-input GLOB    the articles to read, matched through Beam's file IO:
//	               a local glob such as 'posts/*.md', or gs://bucket/posts/*
//	               and s3://bucket/posts/*
//	-output FILE   where to write the articles, one JSON object per line,
//	               with the file's path under "file"
//	-errors FILE   where to write the files that could not be read, one
//	               name:line:col: message per line (default FILE.errors,
//	               after -output); written only when some file failed
//	-tz ZONE       time zone of dates written without one, such as
//	               Asia/Shanghai (default UTC)
//	-v             show Beam's log of the run on standard error
//
// Beam's own flags choose the runner: with none, the pipeline runs on the
// in-process prism runner; -runner=direct, -runner=dataflow and
// -runner=flink (with their -project, -region, -staging_location or
// -endpoint) are the others. README.md shows cluster runs.
//
// A bad file never stops the job: it is listed in the errors file and the
// others go on. Unlike articlefmt, beam does not look for a Jekyll or Hugo
// site configuration to find the site's zone (article.SiteLocation reads a
// local folder, and workers see only the files): give the zone with -tz.
// The order of the lines in the output is not the order of the files.
//
// On a local run, a summary follows on standard error, and the exit status
// is 1 when some file failed. Bad usage exits with status 2.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	_ "time/tzdata" // so -tz works on workers without zoneinfo

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

const usageLine = "usage: beam -input GLOB -output FILE [-errors FILE] [-tz ZONE] [-v] [beam flags]\n"

var (
	input   = flag.String("input", "", "`glob` of the articles to read (local, gs:// or s3://)")
	output  = flag.String("output", "", "`file` to write the articles to as JSON Lines")
	errPath = flag.String("errors", "", "`file` to write name:line:col: message lines to (default: -output + \".errors\")")
	tz      = flag.String("tz", "", "time `zone` of dates written without one (default UTC)")
	verbose = flag.Bool("v", false, "show Beam's log of the run (the pipeline plan, files written)")
)

// usage lists this command's flags only: Beam registers dozens of its own,
// which README.md covers.
func usage() {
	fmt.Fprint(os.Stderr, usageLine)
	for _, name := range []string{"input", "output", "errors", "tz", "v"} {
		f := flag.Lookup(name)
		arg, help := flag.UnquoteUsage(f)
		fmt.Fprintf(os.Stderr, "  -%s %s\n    \t%s\n", name, arg, help)
	}
	fmt.Fprint(os.Stderr, "Beam's flags (-runner, -project, -region, -endpoint, …) choose where it runs.\n")
	os.Exit(2)
}

func main() {
	flag.Usage = usage
	flag.Parse()
	if !*verbose {
		beamlog.LogLevel = "warn"
	}
	// On a cluster, workers start this same binary with Beam's flags only;
	// Init runs them as workers and does not return, so it comes before
	// the checks of this command's flags.
	beam.Init()
	// Init routes the global logger through Beam's structured log, which
	// the runners also write to (and which -v shows), so this command's
	// messages get a logger of their own.
	logger := log.New(os.Stderr, "beam: ", 0)
	if *input == "" || *output == "" || flag.NArg() > 0 {
		usage()
	}
	if *errPath == "" {
		*errPath = *output + ".errors"
	}
	// Fail here, on the submitting machine, rather than on every worker.
	if _, err := loadZone(*tz); err != nil {
		logger.Print(err)
		os.Exit(2)
	}

	p, s := beam.NewPipelineWithRoot()
	lines, failures := articles(s, *input, *tz)
	textio.Write(s, *output, lines)
	textio.Write(s, *errPath, failures)

	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		logger.Fatal(err)
	}
	// Cluster runners may return no result; their consoles show the counters.
	if res == nil {
		return
	}
	n := counts(res.Metrics())
	fmt.Fprintf(os.Stderr, "%d articles written (%d changed by normalization), %d failed\n",
		n["articles"], n["changed"], n["failed"])
	if n["failed"] > 0 {
		fmt.Fprintf(os.Stderr, "failures are listed in %s\n", *errPath)
		os.Exit(1)
	}
}

// counts returns the pipeline's articlekit counters by name.
func counts(m metrics.Results) map[string]int64 {
	n := make(map[string]int64)
	qr := m.Query(func(r metrics.SingleResult) bool { return r.Namespace() == "articlekit" })
	for _, c := range qr.Counters() {
		n[c.Name()] += c.Result()
	}
	return n
}

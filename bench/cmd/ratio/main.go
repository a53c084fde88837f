// Ratio prints how the article pipeline compares with its peers, from the
// output of the bench module's BenchmarkCorpus.
//
// Usage:
//
//	go test -run '^$' -bench . -benchmem -cpu 1 -count 6 | tee bench.txt
//	go run ./cmd/ratio [bench.txt ...]
//
// With no file named, ratio reads standard input. For each benchmark it
// takes the median of its runs, prints a table, then the ratios that
// issue 5 sets goals for, each compared on time per corpus, so that
// contenders reading different bytes (whole files, bodies, HTML) are
// compared on the same articles: cpu-ns/op (the process's CPU time) when
// the benchmarks report it, else ns/op.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// units are the columns printed, in order.
var units = []string{"ns/op", "cpu-ns/op", "MB/s", "B/op", "allocs/op", "allocs/article"}

// suffix is the -GOMAXPROCS suffix go test adds to a benchmark's name.
var suffix = regexp.MustCompile(`-\d+$`)

func main() {
	log.SetPrefix("ratio: ")
	log.SetFlags(0)
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: ratio [bench.txt ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	runs := map[string]map[string][]float64{} // name → unit → values
	var order []string
	read := func(r io.Reader) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
				continue
			}
			name := suffix.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), "")
			if runs[name] == nil {
				runs[name] = map[string][]float64{}
				order = append(order, name)
			}
			for i := 2; i+1 < len(f); i += 2 {
				v, err := strconv.ParseFloat(f[i], 64)
				if err == nil {
					runs[name][f[i+1]] = append(runs[name][f[i+1]], v)
				}
			}
		}
		if err := sc.Err(); err != nil {
			log.Fatal(err)
		}
	}
	if flag.NArg() == 0 {
		read(os.Stdin)
	}
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			log.Fatal(err)
		}
		read(f)
		f.Close()
	}
	if len(order) == 0 {
		log.Fatal("no benchmark results in the input")
	}
	med := func(name, unit string) float64 {
		v := slices.Clone(runs[name][unit])
		if len(v) == 0 {
			return 0
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}

	fmt.Printf("%-32s %5s", "benchmark (median)", "runs")
	for _, u := range units {
		fmt.Printf(" %14s", u)
	}
	fmt.Println()
	for _, name := range order {
		fmt.Printf("%-32s %5d", name, len(runs[name]["ns/op"]))
		for _, u := range units {
			fmt.Printf(" %14s", format(med(name, u)))
		}
		fmt.Println()
	}
	fmt.Println()

	// Compare CPU time when the benchmarks measured it: wall time on a
	// shared machine also counts other processes.
	unit := "ns/op"
	if med("Corpus/Article", "cpu-ns/op") > 0 {
		unit = "cpu-ns/op"
	}
	fmt.Printf("ratios of median %s:\n", unit)
	ns := func(name string) float64 { return med("Corpus/"+name, unit) }
	type goal struct {
		what       string
		peer, ours string
		faster     bool    // the goal is ours faster by at least min
		min        float64 // 0: no goal, shown for information
	}
	goals := []goal{
		{"goldmark + html-to-markdown", "GoldmarkHTMLToMarkdown", "Article", true, 3},
		{"html-to-markdown alone, same HTML", "HTMLToMarkdown", "ArticleHTML", true, 2},
		{"html-to-markdown alone vs our files", "HTMLToMarkdown", "Article", true, 2},
		{"goldmark alone (parse+render)", "Goldmark", "Article", true, 0},
		{"parser floor", "Floor", "Article", false, 1.5},
	}
	for _, g := range goals {
		p, o := ns(g.peer), ns(g.ours)
		if p == 0 || o == 0 {
			fmt.Printf("%-36s missing %s or %s\n", g.what, g.peer, g.ours)
			continue
		}
		var verdict string
		if g.faster {
			r := p / o
			verdict = fmt.Sprintf("ours is %.2f× faster", r)
			if g.min > 0 {
				verdict += fmt.Sprintf(" (goal ≥ %.1f×: %s)", g.min, met(r >= g.min))
			}
		} else {
			r := o / p
			verdict = fmt.Sprintf("ours takes %.2f× the floor's time", r)
			verdict += fmt.Sprintf(" (goal ≤ %.1f×: %s)", g.min, met(r <= g.min))
		}
		fmt.Printf("%-36s %s/%s: %s\n", g.what, g.ours, g.peer, verdict)
	}
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// format writes v with its integer digits and three significant ones
// below 100.
func format(v float64) string {
	if v >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

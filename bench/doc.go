// Package bench compares the article pipeline with the tools a user would
// otherwise reach for, over the same corpus in one benchmark run. It is a
// module of its own so that its peers (goldmark's HTML renderer,
// html-to-markdown) never enter the library's dependencies.
//
// Run from this directory (see BENCHMARKS.md in the repository root):
//
//	go test -run '^$' -bench . -benchmem -cpu 1 -count 6 | tee bench.txt
//	go run ./cmd/ratio bench.txt
package bench

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/articlekit/article"
)

// writeSyntheticSite writes n generated news posts, in the finews shape,
// under a Jekyll site whose _config.yml names Asia/Shanghai.
func writeSyntheticSite(b *testing.B, n int) (dir string, bytes int64) {
	b.Helper()
	dir = b.TempDir()
	posts := filepath.Join(dir, "_posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("timezone: Asia/Shanghai\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	paras := []string{
		"今年以来，沿海港口加快数字化改造(试运行)，集装箱吞吐量稳步回升.",
		"The port authority said traffic rose 3.5% in March, e.g. at the north terminal.",
		"“目前航线运力总体充足。”一位负责人介绍,新平台把等待时间缩短了三成...",
	}
	for i := 0; i < n; i++ {
		date := fmt.Sprintf("2021-%02d-%02d", 1+i%12, 1+i%28)
		var body strings.Builder
		for j := 0; j < 8; j++ {
			body.WriteString("<p>" + paras[(i+j)%len(paras)] + "</p>\n")
		}
		post := fmt.Sprintf("---\nlayout: post\ntitle: \"第%d篇 新闻\"\ndate: %s 10:%02d:00\ncategories: news\ntags: 新闻\n---\n%s<p class=\"em_media\">（文章来源：测试社）</p>\n\n<http://example.com/%d>\n\n[返回首页](/)\n",
			i, date, i%60, body.String(), i)
		name := filepath.Join(posts, fmt.Sprintf("%s-post%d.md", date, i))
		if err := os.WriteFile(name, []byte(post), 0o644); err != nil {
			b.Fatal(err)
		}
		bytes += int64(len(post))
	}
	return dir, bytes
}

// BenchmarkSite runs articlefmt -to jsonl over a generated site of 20 000
// posts, reporting files per second and the peak heap seen while it runs,
// which stays flat however many files there are.
//
//	go test -run '^$' -bench Site -benchtime 1x ./examples/articlefmt
func BenchmarkSite(b *testing.B) {
	const n = 20000
	dir, size := writeSyntheticSite(b, n)
	b.SetBytes(size)
	b.ResetTimer()
	var peak atomic.Uint64
	for i := 0; i < b.N; i++ {
		stop := make(chan struct{})
		go sampleHeap(&peak, stop)
		c := &command{format: "jsonl", jobs: runtime.NumCPU(), normalizer: &article.Normalizer{}, out: io.Discard, errs: io.Discard}
		if status := c.run([]string{dir}); status != 0 || c.converted != n {
			b.Fatalf("status %d, %d converted", status, c.converted)
		}
		close(stop)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
}

func sampleHeap(peak *atomic.Uint64, stop chan struct{}) {
	var m runtime.MemStats
	for {
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak.Load() {
			peak.Store(m.HeapInuse)
		}
		select {
		case <-stop:
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
}

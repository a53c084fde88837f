package article

import (
	"os"
	"strings"
	"testing"
	"time"
)

// benchCorpus returns the text of every corpus file, whole files as
// they are on disk.
func benchCorpus(b *testing.B) ([]string, int64) {
	if _, err := os.Stat(normCorpus); err != nil {
		b.Skipf("corpus not found at %s: %v", normCorpus, err)
	}
	var texts []string
	var n int64
	for _, f := range readNormCorpus(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		n += int64(len(data))
	}
	return texts, n
}

// BenchmarkNormalizeString normalizes the text of every corpus file, each
// file as one string. Read it beside BenchmarkCopyFloor.
func BenchmarkNormalizeString(b *testing.B) {
	texts, n := benchCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		for _, s := range texts {
			NormalizeString(s)
		}
	}
}

// BenchmarkCopyFloor copies the same bytes through a plain loop into a
// strings.Builder: the floor for a pass that writes its output.
func BenchmarkCopyFloor(b *testing.B) {
	texts, n := benchCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		for _, s := range texts {
			var sb strings.Builder
			for i := 0; i < len(s); i++ {
				sb.WriteByte(s[i])
			}
			_ = sb.String()
		}
	}
}

// reportCPU reports the process CPU time per iteration since start as
// cpu-ns/op: on a shared machine it counts the work the benchmark did,
// where ns/op also counts other processes' turns.
func reportCPU(b *testing.B, start time.Duration) {
	if cpu := cpuTime() - start; cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

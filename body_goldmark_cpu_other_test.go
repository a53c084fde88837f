//go:build !unix

package article

import "time"

// goldmarkCPUTime is not measured on this system; BenchmarkGoldmarkParse
// then reports no cpu-ns/op.
func goldmarkCPUTime() time.Duration { return 0 }

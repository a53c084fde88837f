//go:build !unix

package bench

import "time"

// cpuTime is not measured on this system; benchmarks then report no
// cpu-ns/op and cmd/ratio falls back to ns/op.
func cpuTime() time.Duration { return 0 }

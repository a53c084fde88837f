//go:build !unix

package article

import "time"

// cpuTime is not measured on this system; benchmarks then report no
// cpu-ns/op.
func cpuTime() time.Duration { return 0 }

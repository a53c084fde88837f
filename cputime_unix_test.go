//go:build unix

package article

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used (user and system,
// GC workers included): on a shared machine it counts the work a
// benchmark did, where wall time also counts other processes' turns.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// A progress bar on standard error: files done of the total, the rate and
// the time left. It shows only on a terminal, never on a pipe or in CI,
// and only once a run has taken a second.
type progress struct {
	w         io.Writer
	total     int
	count     int
	start     time.Time
	lastDraw  time.Time
	enabled   bool
	drawnOnce bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	f, ok := w.(*os.File)
	p.enabled = ok && isTerminal(f) && os.Getenv("CI") == "" && os.Getenv("TERM") != "dumb"
	return p
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) step() {
	p.count++
	if !p.enabled {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.lastDraw) < 100*time.Millisecond {
		return
	}
	p.lastDraw = now
	p.draw(now)
}

func (p *progress) draw(now time.Time) {
	elapsed := now.Sub(p.start).Seconds()
	rate := float64(p.count) / elapsed
	eta := "?"
	if rate > 0 {
		eta = time.Duration(float64(p.total-p.count) / rate * float64(time.Second)).Round(time.Second).String()
	}
	const width = 30
	filled := 0
	if p.total > 0 {
		filled = width * p.count / p.total
	}
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	fmt.Fprintf(p.w, "\r[%s] %d/%d files  %.0f files/s  ETA %s\x1b[K", bar, p.count, p.total, rate, eta)
	p.drawnOnce = true
}

// done clears the bar so that the summary starts on a clean line.
func (p *progress) done() {
	if p.drawnOnce {
		p.draw(time.Now())
		fmt.Fprint(p.w, "\n")
	}
}

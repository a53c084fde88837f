package main

import (
	"fmt"
	"strings"
)

// unifiedDiff returns a unified diff, with three lines of context, that
// turns old into new; "" when they are equal.
func unifiedDiff(name string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := diffLines(a, b)
	if len(ops) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s (articlefmt)\n", name, name)
	const context = 3
	for i := 0; i < len(ops); {
		// A hunk covers the edits that lie within 2×context lines of
		// each other.
		j := i
		for j+1 < len(ops) && ops[j+1].aStart-ops[j].aEnd <= 2*context {
			j++
		}
		aStart := max(ops[i].aStart-context, 0)
		aEnd := min(ops[j].aEnd+context, len(a))
		bStart := ops[i].bStart - (ops[i].aStart - aStart)
		bEnd := ops[j].bEnd + (aEnd - ops[j].aEnd)
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", aStart+1, aEnd-aStart, bStart+1, bEnd-bStart)
		pos := aStart
		for k := i; k <= j; k++ {
			op := ops[k]
			for ; pos < op.aStart; pos++ {
				writeLine(&out, ' ', a[pos])
			}
			for _, l := range a[op.aStart:op.aEnd] {
				writeLine(&out, '-', l)
			}
			for _, l := range b[op.bStart:op.bEnd] {
				writeLine(&out, '+', l)
			}
			pos = op.aEnd
		}
		for ; pos < aEnd; pos++ {
			writeLine(&out, ' ', a[pos])
		}
		i = j + 1
	}
	return out.String()
}

func writeLine(out *strings.Builder, mark byte, line string) {
	out.WriteByte(mark)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// An edit replaces a[aStart:aEnd] with b[bStart:bEnd].
type edit struct{ aStart, aEnd, bStart, bEnd int }

// diffLines finds the edits between a and b from a longest common
// subsequence of lines, after trimming the common head and tail. The table
// is quadratic in the lines that differ, so past a bound the middle is
// reported as one replacement rather than risking time and memory.
func diffLines(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma) == 0 && len(mb) == 0 {
		return nil
	}
	if len(ma)*len(mb) > 4_000_000 {
		return []edit{{pre, pre + len(ma), pre, pre + len(mb)}}
	}
	// lcs[i][j] is the length of the LCS of ma[i:] and mb[j:].
	lcs := make([][]int32, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var edits []edit
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		if i < len(ma) && j < len(mb) && ma[i] == mb[j] {
			i, j = i+1, j+1
			continue
		}
		e := edit{aStart: pre + i, bStart: pre + j}
		for i < len(ma) || j < len(mb) {
			if i < len(ma) && j < len(mb) && ma[i] == mb[j] {
				break
			}
			if j == len(mb) || (i < len(ma) && lcs[i+1][j] >= lcs[i][j+1]) {
				i++
			} else {
				j++
			}
		}
		e.aEnd, e.bEnd = pre+i, pre+j
		edits = append(edits, e)
	}
	return edits
}

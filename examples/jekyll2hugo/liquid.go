package main

import (
	"bytes"
	"regexp"
	"strings"
)

var (
	highlightOpen  = regexp.MustCompile(`^([ \t]*)\{%-?[ \t]*highlight[ \t]+([^\s%]+)[^%]*-?%\}[ \t]*$`)
	highlightClose = regexp.MustCompile(`^[ \t]*\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*$`)
	backticks      = regexp.MustCompile("`{3,}")
)

// fenceHighlights turns each Liquid {% highlight LANG %} … {% endhighlight %}
// block of a Markdown post, its tags on lines of their own, into a fenced
// code block, so that the code reaches Hugo as code and not as paragraphs
// of Markdown. Options after the language (linenos, mark_lines) are
// dropped. Only the body is touched, and the number of lines never
// changes, so positions in errors still point into the file as written.
// An unclosed block is left as it is.
func fenceHighlights(src []byte) []byte {
	if !bytes.Contains(src, []byte("endhighlight")) {
		return src
	}
	lines := strings.SplitAfter(string(src), "\n")
	start := bodyLine(lines)
	changed := false
	for i := start; i < len(lines); i++ {
		open := highlightOpen.FindStringSubmatch(trimEOL(lines[i]))
		if open == nil {
			continue
		}
		end := -1
		for j := i + 1; j < len(lines); j++ {
			if highlightClose.MatchString(trimEOL(lines[j])) {
				end = j
				break
			}
		}
		if end < 0 {
			break
		}
		fence := "```"
		for _, l := range lines[i+1 : end] {
			for _, run := range backticks.FindAllString(l, -1) {
				if len(run) >= len(fence) {
					fence = run + "`"
				}
			}
		}
		indent, lang := open[1], open[2]
		lines[i] = indent + fence + lang + eol(lines[i])
		lines[end] = indent + fence + eol(lines[end])
		changed = true
		i = end
	}
	if !changed {
		return src
	}
	return []byte(strings.Join(lines, ""))
}

// bodyLine returns the index of the first line after YAML front matter,
// or 0 when there is none or it is not closed.
func bodyLine(lines []string) int {
	if len(lines) == 0 || strings.TrimPrefix(trimEOL(lines[0]), "\ufeff") != "---" {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		if l := trimEOL(lines[i]); l == "---" || l == "..." {
			return i + 1
		}
	}
	return 0
}

func trimEOL(l string) string { return strings.TrimRight(l, "\r\n") }

func eol(l string) string { return l[len(trimEOL(l)):] }

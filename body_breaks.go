package article

import (
	"strings"
	"unicode/utf8"
)

// breakMark stands for a line break inside text until resolveBreaks
// decides, looking at the characters on both sides across inline
// elements, whether it becomes a space or nothing.
const breakMark = "\n"

// resolveBreaks turns every '\n' of the text leaves of in into a space, or
// into nothing when the characters on both sides are CJK. When collapse is
// set (HTML), a space that follows another space, possibly across inline
// elements, is dropped as a browser would.
//
// Texts in keep (text that came from Markdown into the HTML path) keep
// their own runs of spaces; only their line breaks, and a space that
// starts them after a space, are resolved.
func resolveBreaks(in []Inline, collapse bool, keep map[*Text]bool) {
	if !collapse && !hasBreakMark(in) {
		return
	}
	var leaves []*Text
	var walk func([]Inline)
	walk = func(in []Inline) {
		for _, x := range in {
			if t, ok := x.(*Text); ok {
				leaves = append(leaves, t)
			} else if sub, ok := spanText(x); ok {
				walk(sub)
			} else {
				// A barrier: code, images and breaks are neither CJK nor
				// space. A nil leaf records it.
				leaves = append(leaves, nil)
			}
		}
	}
	walk(in)
	// prev is the last rune written so far (0 after a barrier).
	var prev rune
	var buf strings.Builder
	for i, t := range leaves {
		if t == nil {
			prev = 0
			continue
		}
		s := t.Text
		// A kept text's own spaces stay; a space that starts it after
		// a space before it, across elements, still collapses.
		verbatim := keep[t]
		if !strings.Contains(s, breakMark) && !(collapse && prev == ' ' && strings.HasPrefix(s, " ")) {
			if s != "" {
				prev, _ = utf8.DecodeLastRuneInString(s)
			}
			continue
		}
		if s == breakMark { // a soft line break, the common case
			switch next := nextRune("", leaves[i+1:]); {
			case isCJKBreak(prev) && isCJKBreak(next), collapse && prev == ' ':
				t.Text = ""
			default:
				t.Text, prev = " ", ' '
			}
			continue
		}
		buf.Reset()
		lines := t.lines
		for j := 0; j < len(s); {
			// A line entry moves with the byte it names.
			for len(lines) > 0 && lines[0].off <= j {
				lines[0].off = buf.Len()
				lines = lines[1:]
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			j += n
			if r == '\n' {
				next := nextRune(s[j:], leaves[i+1:])
				if isCJKBreak(prev) && isCJKBreak(next) {
					continue
				}
				r = ' '
			}
			if r == ' ' && collapse && prev == ' ' && (!verbatim || j == n) {
				continue
			}
			buf.WriteRune(r)
			prev = r
		}
		t.Text = buf.String()
	}
}

// hasBreakMark reports whether a text of in holds breakMark.
func hasBreakMark(in []Inline) bool {
	for _, x := range in {
		if t, ok := x.(*Text); ok {
			if strings.Contains(t.Text, breakMark) {
				return true
			}
		} else if sub, ok := spanText(x); ok && hasBreakMark(sub) {
			return true
		}
	}
	return false
}

// spanText returns the inlines inside x when x is a span that holds text
// (emphasis, strong, strikethrough, link).
func spanText(x Inline) ([]Inline, bool) {
	switch x := x.(type) {
	case *Emphasis:
		return x.Text, true
	case *Strong:
		return x.Text, true
	case *Strike:
		return x.Text, true
	case *Link:
		return x.Text, true
	}
	return nil, false
}

// nextRune returns the first rune of rest, or of the leaves after it (0
// at a barrier or the end).
func nextRune(rest string, leaves []*Text) rune {
	if rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		return r
	}
	for _, t := range leaves {
		if t == nil {
			return 0
		}
		if t.Text != "" {
			r, _ := utf8.DecodeRuneInString(t.Text)
			return r
		}
	}
	return 0
}

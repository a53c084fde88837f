package article

import (
	"strings"
	"time"
	"unicode/utf8"
)

// A Normalizer is a normalization policy: which rules run, for which
// language, and the time zone dates are written in. The zero Normalizer
// is the default policy, which [Normalize] and [NormalizeString] use:
// Simplified Chinese conventions, every rule on except the optional
// CJK–Latin spacing, dates left in their own offsets.
//
// The rules (see [RuleName]) clean up the typography of CJK text that was
// typed, scraped or converted carelessly — half-width punctuation in
// Chinese, full-width letters and digits, "..." for ……, stray invisible
// characters — and nothing else. They never change text inside
// protected spans: URLs, e-mail addresses, file paths, numbers (3.14,
// 10:30, 1.2.3, -255, 33.80%), emoticons, printf and template
// placeholders (%s, ${x}, {0}) and English abbreviations (e.g., Mr.,
// vs.). A mark is converted only when its neighbours are CJK: English
// text, and Korean text, are left alone. One pass reaches a fixed point:
// normalizing the result again changes nothing.
//
// A Normalizer is safe for concurrent use; its fields must not change
// while it is in use.
type Normalizer struct {
	// Profile picks the conventions of a language. The empty Profile
	// is ProfileSimplified, and so is any value that is not a Profile
	// constant.
	Profile Profile
	// Space puts a space between CJK text and Latin letters or digits,
	// as the Chinese copywriting guidelines ask (RuleCJKSpace). If Space
	// is false, no space is added: news text is set without them.
	Space bool
	// Location, if not nil, re-expresses every date of the Article
	// (Date, Lastmod, PublishDate and their front-matter text) in that
	// zone; the instant never changes (RuleTimeZone). If Location is
	// nil, each date keeps the offset it was written with.
	Location *time.Location
	// Disable lists rules that do not run. If it is empty, every rule
	// runs (RuleCJKSpace only when Space is set, RuleTimeZone only when
	// Location is set). Names that are not rules are ignored.
	Disable []RuleName
}

var defaultNormalizer Normalizer

// Normalize normalizes the text and dates of a with the default policy,
// in place, and returns the edits it made in document order. See
// [Normalizer.Normalize].
func Normalize(a *Article) []Edit { return defaultNormalizer.Normalize(a) }

// NormalizeString returns s normalized with the default policy. See
// [Normalizer.NormalizeString].
func NormalizeString(s string) string { return defaultNormalizer.NormalizeString(s) }

// rules returns the set of rules that run.
func (n *Normalizer) rules() ruleSet {
	if n == nil {
		n = &defaultNormalizer
	}
	s := ruleSet(1)<<len(rules) - 1
	if !n.Space {
		s &^= bCJKSpace
	}
	if n.Location == nil {
		s &^= bTimeZone
	}
	for _, d := range n.Disable {
		for i, r := range rules {
			if r == d {
				s &^= 1 << i
			}
		}
	}
	return s
}

// profile returns the profile in effect.
func (n *Normalizer) profile() Profile {
	if n != nil && (n.Profile == ProfileTraditional || n.Profile == ProfileJapanese) {
		return n.Profile
	}
	return ProfileSimplified
}

// NormalizeString returns s normalized. Each paragraph — text between
// blank lines — is one run: context flows across the lines of a
// paragraph but not from one paragraph to the next. Invalid UTF-8
// becomes U+FFFD. A string of ASCII that has nothing to change is
// returned as it is, without allocating.
func (n *Normalizer) NormalizeString(s string) string {
	if asciiClean(s) {
		return s
	}
	on, p := n.rules(), n.profile()
	spacing := on&bCJKSpace != 0 && p != ProfileJapanese
	var b strings.Builder // written from the first change on
	changed := false
	for rest := 0; rest < len(s); {
		end := paragraphEnd(s, rest)
		par := s[rest:end]
		if asciiClean(par) || quiet(par, spacing) {
			if changed {
				b.WriteString(par)
			}
			rest = end
			continue
		}
		st := newState(on, p, false)
		st.addText(par, 0)
		st.run()
		if st.changed {
			if !changed {
				b.Grow(len(s) + len(s)/8)
				b.WriteString(s[:rest])
				changed = true
			}
			st.buf = st.appendText(st.buf[:0], 0)
			b.Write(st.buf)
		} else if changed {
			b.WriteString(par)
		}
		st.free()
		rest = end
	}
	if !changed {
		return s
	}
	return b.String()
}

// normalizeRun normalizes s as one run.
func normalizeRun(s string, on ruleSet, p Profile) string {
	st := newState(on, p, false)
	defer st.free()
	st.addText(s, 0)
	st.run()
	if !st.changed {
		return s
	}
	return st.stringOf(0)
}

// paragraphEnd returns the end of the paragraph that starts at i: just
// after the next blank line, or len(s). A line is blank when it holds
// only spaces, tabs and characters RuleInvisible removes, so that
// normalizing never makes or unmakes a paragraph break.
func paragraphEnd(s string, i int) int {
	for {
		nl := strings.IndexByte(s[i:], '\n')
		if nl < 0 {
			return len(s)
		}
		i += nl + 1
		// Is the line starting at i blank?
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '\n' {
				return j + 1
			}
			if r != ' ' && r != '\t' && r != '\r' && !isInvisible(r) && r != 0x200C && r != 0x200D {
				break
			}
			j += size
		}
		if j == len(s) {
			return len(s)
		}
	}
}

// asciiClean reports whether s is ASCII that no rule changes: without CJK
// there is no punctuation to convert, so only control characters and
// runs of spaces inside a line matter.
func asciiClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiInert[c] {
			continue
		}
		switch {
		case c >= 0x7F:
			return false
		case c == ' ':
			// A run of spaces is collapsed only inside a line.
			if i+1 < len(s) && s[i+1] == ' ' && i > 0 && !isSpaceByte(s[i-1]) {
				j := i + 2
				for j < len(s) && s[j] == ' ' {
					j++
				}
				if j < len(s) && !isSpaceByte(s[j]) {
					return false
				}
				i = j - 1
			}
		case c < ' ':
			if c != '\t' && c != '\n' && c != '\r' {
				return false
			}
		}
	}
	return true
}

// asciiInert holds the bytes asciiClean passes over at once: printable
// ASCII but the space, tab, newline and carriage return.
var asciiInert = func() (t [0x100]bool) {
	for c := 0x21; c < 0x7F; c++ {
		t[c] = true
	}
	t['\t'], t['\n'], t['\r'] = true, true, true
	return t
}()

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

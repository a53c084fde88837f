package article

import "strings"

// canonHook, set by tests, sees each list canonInlines is given.
var canonHook func([]Inline)

// isCanonical reports whether canonRun(in, depth, kind) followed by
// trimAroundBreaks would return a tree equal to in, without building one.
// It follows canonRun rule by rule; where unsure it says no, which costs
// only the rebuild.
func isCanonical(in []Inline, depth int, kind string) bool {
	// With a line break in the list, trimAroundBreaks cuts every text,
	// which drops source lines at the text's edges; linesCut records
	// whether some text would lose any.
	breaks, linesCut := false, false
	var prev Inline
	for _, x := range in {
		switch x := x.(type) {
		case *Text:
			if x.Text == "" {
				return false
			}
			switch prev.(type) {
			case *Text:
				return false
			case *LineBreak:
				if x.Text[0] == ' ' {
					return false
				}
			}
			if x.lines != nil && !linesInside(x) {
				linesCut = true
			}
		case *CodeSpan:
			if _, ok := prev.(*CodeSpan); ok || x.Text == "" {
				return false
			}
		case *LineBreak:
			if t, ok := prev.(*Text); ok && t.Text[len(t.Text)-1] == ' ' {
				return false
			}
			breaks = true
		case *Emphasis:
			if _, ok := prev.(*Emphasis); ok || !isCanonicalKids(x.Text, depth, kind, "em") {
				return false
			}
		case *Strong:
			if _, ok := prev.(*Strong); ok || !isCanonicalKids(x.Text, depth, kind, "strong") {
				return false
			}
		case *Strike:
			if _, ok := prev.(*Strike); ok || !isCanonicalKids(x.Text, depth, kind, "strike") {
				return false
			}
		case *Link:
			// canonRun makes empty kids nil.
			if x.Text != nil && len(x.Text) == 0 || !isCanonical(x.Text, depth+1, "") {
				return false
			}
		case nil:
			return false
		}
		prev = x
	}
	return !(breaks && linesCut)
}

// isCanonicalKids is isCanonical for the kids of an emphasis of kind k
// in a list at depth directly inside one of kind. It says no where wrap
// would unwrap the emphasis, drop it (empty) or move spaces out of its
// edges (splitEdgeSpaces).
func isCanonicalKids(kids []Inline, depth int, kind, k string) bool {
	if depth >= maxDepth || k == kind && k == "strike" || len(kids) == 0 {
		return false
	}
	if t, ok := kids[0].(*Text); ok && strings.HasPrefix(t.Text, " ") {
		return false
	}
	if t, ok := kids[len(kids)-1].(*Text); ok && strings.HasSuffix(t.Text, " ") {
		return false
	}
	return isCanonical(kids, depth+1, k)
}

// linesInside reports whether t.cut(0, len(t.Text)) keeps all of t's
// source lines, and so equals t.
func linesInside(t *Text) bool {
	if len(t.lines) == 0 {
		return false // nil after the cut
	}
	for _, l := range t.lines {
		if l.off <= 0 || l.off >= len(t.Text) {
			return false
		}
	}
	return true
}

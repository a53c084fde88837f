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
			switch x := x.(type) {
			case *Text:
				leaves = append(leaves, x)
			case *Emphasis:
				walk(x.Text)
			case *Strong:
				walk(x.Text)
			case *Strike:
				walk(x.Text)
			case *Link:
				walk(x.Text)
			default:
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
		switch x := x.(type) {
		case *Text:
			if strings.Contains(x.Text, breakMark) {
				return true
			}
		case *Emphasis:
			if hasBreakMark(x.Text) {
				return true
			}
		case *Strong:
			if hasBreakMark(x.Text) {
				return true
			}
		case *Strike:
			if hasBreakMark(x.Text) {
				return true
			}
		case *Link:
			if hasBreakMark(x.Text) {
				return true
			}
		}
	}
	return false
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

// canonInlines puts inlines in canonical form (see the package's body
// rules): adjacent texts merged, empty texts, empty code spans and empty
// emphasis dropped, spaces at the edges of emphasis moved outside it,
// strikethrough directly inside strikethrough unwrapped, spaces next to a
// line break dropped (at every level). The result is trimmed of leading and trailing
// spaces when trim is set.
func canonInlines(in []Inline, trim bool) []Inline {
	if canonHook != nil {
		canonHook(in)
	}
	if isCanonical(in, 0, "") {
		// Most paragraphs arrive canonical: rebuilding them would only
		// copy them.
		if trim {
			in = trimInlines(in)
		}
		if len(in) == 0 {
			return nil
		}
		return in
	}
	out := canonRun(in, 0, "")
	out = trimAroundBreaks(out)
	if trim {
		out = trimInlines(out)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

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

// canonRun canonicalizes in; kind names the enclosing emphasis ("em",
// "strong", "strike") so that a directly nested one of the same kind is
// unwrapped.
func canonRun(in []Inline, depth int, kind string) []Inline {
	var out []Inline
	// Adjacent texts are gathered in pending and written once, so that a
	// paragraph of many text pieces costs linear time.
	// A lone piece is kept as it is, without a copy.
	var pending strings.Builder
	var first string    // the first piece, not yet in pending
	var firstText *Text // the Text first came from
	var pendingPos Pos
	var pendingLines []textLine
	flush := func() {
		if pending.Len() > 0 {
			out = append(out, &Text{Text: pending.String(), Pos: pendingPos, lines: pendingLines})
			pending.Reset()
			pendingPos = Pos{}
		} else if first != "" {
			// A lone piece is already what the merge would make.
			out = append(out, firstText)
			pendingPos = Pos{}
		}
		first, firstText = "", nil
		pendingLines = nil
	}
	var code strings.Builder // pending code spans, likewise
	var dirty []*[]Inline
	markDirty := func(d *[]Inline) {
		if len(dirty) == 0 || dirty[len(dirty)-1] != d {
			dirty = append(dirty, d)
		}
	}
	add := func(x Inline) {
		if c, ok := x.(*CodeSpan); ok {
			flush()
			code.WriteString(c.Text)
			return
		}
		if code.Len() > 0 {
			out = append(out, &CodeSpan{Text: code.String()})
			code.Reset()
		}
		if t, ok := x.(*Text); ok {
			if t.Text != "" {
				if first == "" && pending.Len() == 0 {
					first, firstText = t.Text, t
					pendingPos = t.Pos
					return
				}
				if first != "" {
					pendingLines = appendLines(pendingLines, 0, firstText)
				}
				pendingLines = appendLines(pendingLines, len(first)+pending.Len(), t)
				if pendingPos == (Pos{}) {
					pendingPos = t.Pos
				}
				switch {
				case first != "":
					pending.Grow(len(first) + len(t.Text))
					pending.WriteString(first)
					first, firstText = "", nil
					fallthrough
				default:
					pending.WriteString(t.Text)
				}
			}
			return
		}
		flush()
		n := len(out)
		if n == 0 {
			out = append(out, x)
			return
		}
		// Adjacent emphases of one kind merge, and so do code spans:
		// Markdown could not write them apart.
		switch x := x.(type) {
		case *Emphasis:
			if p, ok := out[n-1].(*Emphasis); ok {
				p.Text = append(p.Text, x.Text...)
				markDirty(&p.Text)
				return
			}
		case *Strong:
			if p, ok := out[n-1].(*Strong); ok {
				p.Text = append(p.Text, x.Text...)
				markDirty(&p.Text)
				return
			}
		case *Strike:
			if p, ok := out[n-1].(*Strike); ok {
				p.Text = append(p.Text, x.Text...)
				markDirty(&p.Text)
				return
			}
		}
		out = append(out, x)
	}
	// wrap adds emphasis of the given kind around kids, moving edge
	// spaces outside.
	wrap := func(k string, kids []Inline, mk func([]Inline) Inline) {
		kids = trimAroundBreaks(canonRun(kids, depth+1, k))
		if k == kind && k == "strike" || depth >= maxDepth {
			for _, x := range kids {
				add(x)
			}
			return
		}
		lead, trail := splitEdgeSpaces(&kids)
		if lead != nil {
			add(lead)
		}
		if len(kids) > 0 {
			add(mk(kids))
		}
		if trail != nil {
			add(trail)
		}
	}
	for _, x := range in {
		switch x := x.(type) {
		case *Text:
			add(x) // add copies the text out, keeping no pointer
		case *Emphasis:
			wrap("em", x.Text, func(k []Inline) Inline { return &Emphasis{Text: k} })
		case *Strong:
			wrap("strong", x.Text, func(k []Inline) Inline { return &Strong{Text: k} })
		case *Strike:
			wrap("strike", x.Text, func(k []Inline) Inline { return &Strike{Text: k} })
		case *Link:
			kids := trimAroundBreaks(canonRun(x.Text, depth+1, ""))
			if len(kids) == 0 {
				kids = nil
			}
			add(&Link{Href: x.Href, Title: x.Title, Text: kids})
		case *CodeSpan:
			if x.Text != "" {
				add(x)
			}
		case nil:
		default:
			add(x)
		}
	}
	flush()
	if code.Len() > 0 {
		out = append(out, &CodeSpan{Text: code.String()})
	}
	// Emphases merged above hold adjacent texts (and code spans) where
	// they met; merge those once, each text is copied once.
	for _, d := range dirty {
		*d = mergeAdjacent(*d)
	}
	return out
}

// mergeAdjacent merges adjacent texts and adjacent code spans of in,
// which is otherwise canonical.
func mergeAdjacent(in []Inline) []Inline {
	out := in[:0:0]
	for i := 0; i < len(in); {
		switch x := in[i].(type) {
		case *Text:
			j := i + 1
			for j < len(in) {
				if _, ok := in[j].(*Text); !ok {
					break
				}
				j++
			}
			if j == i+1 {
				out = append(out, x)
			} else {
				var b strings.Builder
				var lines []textLine
				for _, y := range in[i:j] {
					lines = appendLines(lines, b.Len(), y.(*Text))
					b.WriteString(y.(*Text).Text)
				}
				out = append(out, &Text{Text: b.String(), Pos: x.Pos, lines: lines})
			}
			i = j
		case *CodeSpan:
			j := i + 1
			var b strings.Builder
			b.WriteString(x.Text)
			for j < len(in) {
				y, ok := in[j].(*CodeSpan)
				if !ok {
					break
				}
				b.WriteString(y.Text)
				j++
			}
			out = append(out, &CodeSpan{Text: b.String()})
			i = j
		default:
			out = append(out, x)
			i++
		}
	}
	return out
}

// splitEdgeSpaces removes the leading and trailing spaces of kids (which
// are canonical) and returns them as texts to put outside.
func splitEdgeSpaces(kids *[]Inline) (lead, trail Inline) {
	k := *kids
	if len(k) == 0 {
		return nil, nil
	}
	if t, ok := k[0].(*Text); ok {
		s := strings.TrimLeft(t.Text, " ")
		if n := len(t.Text) - len(s); n > 0 {
			lead = &Text{Text: t.Text[:n]}
			if s == "" {
				k = k[1:]
			} else {
				k[0] = t.cut(n, len(t.Text))
			}
		}
	}
	if len(k) > 0 {
		if t, ok := k[len(k)-1].(*Text); ok {
			s := strings.TrimRight(t.Text, " ")
			if n := len(t.Text) - len(s); n > 0 {
				trail = &Text{Text: t.Text[len(s):]}
				if s == "" {
					k = k[:len(k)-1]
				} else {
					k[len(k)-1] = t.cut(0, len(s))
				}
			}
		}
	}
	*kids = k
	return lead, trail
}

// trimAroundBreaks drops the spaces just before and after each top-level
// LineBreak: Markdown cannot write them (a line's trailing and leading
// spaces are not text) and a browser does not show them.
func trimAroundBreaks(in []Inline) []Inline {
	breaks := false
	for _, x := range in {
		if _, ok := x.(*LineBreak); ok {
			breaks = true
			break
		}
	}
	if !breaks {
		return in // canonical runs hold no empty text
	}
	var out []Inline
	for i, x := range in {
		t, ok := x.(*Text)
		if !ok {
			out = append(out, x)
			continue
		}
		start, end := 0, len(t.Text)
		if i > 0 {
			if _, ok := in[i-1].(*LineBreak); ok {
				start = len(t.Text) - len(strings.TrimLeft(t.Text, " "))
			}
		}
		if i+1 < len(in) {
			if _, ok := in[i+1].(*LineBreak); ok {
				end = len(strings.TrimRight(t.Text, " "))
			}
		}
		if start < end {
			out = append(out, t.cut(start, end))
		}
	}
	return out
}

// trimInlines trims leading and trailing spaces (and line breaks, which
// Markdown cannot write at the edge of a paragraph) of a block's text.
func trimInlines(in []Inline) []Inline {
	for len(in) > 0 {
		if _, ok := in[0].(*LineBreak); !ok {
			break
		}
		in = in[1:]
	}
	for len(in) > 0 {
		if _, ok := in[len(in)-1].(*LineBreak); !ok {
			break
		}
		in = in[:len(in)-1]
	}
	if len(in) == 0 {
		return nil
	}
	if t, ok := in[0].(*Text); ok {
		s := strings.TrimLeft(t.Text, " ")
		if s == "" {
			return trimInlines(in[1:])
		}
		if len(s) < len(t.Text) {
			in[0] = t.cut(len(t.Text)-len(s), len(t.Text))
		}
	}
	if t, ok := in[len(in)-1].(*Text); ok {
		s := strings.TrimRight(t.Text, " ")
		if s == "" {
			return trimInlines(in[:len(in)-1])
		}
		if len(s) < len(t.Text) {
			in[len(in)-1] = t.cut(0, len(s))
		}
	}
	return in
}

// finishInlines resolves line breaks and canonicalizes the text of one
// block (paragraph, heading, cell, caption).
func finishInlines(in []Inline, collapse bool) []Inline {
	return finishInlinesKeep(in, collapse, nil)
}

// finishInlinesKeep is finishInlines keeping the spaces of the texts in
// keep (see resolveBreaks).
func finishInlinesKeep(in []Inline, collapse bool, keep map[*Text]bool) []Inline {
	resolveBreaks(in, collapse, keep)
	return canonInlines(in, true)
}

// paragraphOf returns a paragraph of in, or nil if it has no text.
func paragraphOf(in []Inline, collapse bool) Block {
	return paragraphKeep(in, collapse, nil)
}

// paragraphKeep is paragraphOf keeping the spaces of the texts in keep.
func paragraphKeep(in []Inline, collapse bool, keep map[*Text]bool) Block {
	in = finishInlinesKeep(in, collapse, keep)
	if len(in) == 0 {
		return nil
	}
	return &Paragraph{Text: in}
}

// flattenBlocks turns blocks into inlines for places that hold only text
// (headings, table cells, captions): blocks are joined by a LineBreak.
func flattenBlocks(blocks []Block) []Inline {
	var out []Inline
	sep := func() {
		if len(out) > 0 {
			if _, ok := out[len(out)-1].(*LineBreak); !ok {
				out = append(out, &LineBreak{})
			}
		}
	}
	var add func(b Block)
	add = func(b Block) {
		switch b := b.(type) {
		case *Paragraph:
			sep()
			out = append(out, b.Text...)
		case *Heading:
			sep()
			out = append(out, b.Text...)
		case *List:
			for _, it := range b.Items {
				for _, c := range it.Blocks {
					add(c)
				}
			}
		case *Quote:
			for _, c := range b.Blocks {
				add(c)
			}
		case *Footnote:
			for _, c := range b.Blocks {
				add(c)
			}
		case *Code:
			for _, line := range strings.Split(strings.TrimSuffix(b.Text, "\n"), "\n") {
				sep()
				if line != "" {
					out = append(out, &CodeSpan{Text: line})
				}
			}
		case *Table:
			for _, row := range append([][]Cell{b.Header}, b.Rows...) {
				sep()
				for i, c := range row {
					if i > 0 {
						out = append(out, &Text{Text: " "})
					}
					out = append(out, c.Text...)
				}
			}
		case *Figure:
			sep()
			if b.Link != "" {
				out = append(out, &Link{Href: b.Link, Title: b.LinkTitle, Text: []Inline{&b.Image}})
			} else {
				out = append(out, &b.Image)
			}
			if len(b.Caption) > 0 {
				out = append(out, &LineBreak{})
				out = append(out, b.Caption...)
			}
		}
	}
	for _, b := range blocks {
		add(b)
	}
	return canonInlines(out, true)
}

// appendLines records, for a piece t about to be joined at offset base of
// a text, where t and the source lines it already spans begin.
func appendLines(lines []textLine, base int, t *Text) []textLine {
	if base > 0 && t.Pos.Line > 0 {
		lines = append(lines, textLine{base + posOffset(t.Text), t.Pos})
	}
	for _, l := range t.lines {
		lines = append(lines, textLine{base + l.off, l.pos})
	}
	return lines
}

// cut returns the text t.Text[start:end] with its position and source
// lines. Pos names the first non-space byte, so it stays, unless a line
// entry names the new first byte: the spaces cut were joined from
// elsewhere, or were a piece of their own that Pos named.
func (t *Text) cut(start, end int) *Text {
	out := &Text{Text: t.Text[start:end], Pos: t.Pos}
	for _, l := range t.lines {
		switch {
		case l.off == start && start > 0:
			out.Pos = l.pos
		case l.off > start && l.off < end:
			out.lines = append(out.lines, textLine{l.off - start, l.pos})
		}
	}
	return out
}

package article

import "strings"

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
	// t.Pos names its first non-space byte, unless an entry of t's own
	// says where that is (white space decoded from an entity).
	if k := posOffset(t.Text); base > 0 && t.Pos.Line > 0 && (len(t.lines) == 0 || t.lines[0].off > k) {
		lines = append(lines, textLine{base + k, t.Pos})
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

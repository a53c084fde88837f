package article

import "github.com/yuin/goldmark/ast"

// What the readers make of a simple paragraph's tokens: goldmark's nodes
// (build) or the body's inlines (simpleInlines).

// closeOf returns the index of the token that closes the one at i.
func closeOf(toks []inlineTok, i int) int {
	d := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].kind {
		case tokEmphOpen, tokLinkOpen:
			d++
		case tokEmphClose, tokLinkClose:
			if d--; d == 0 {
				return j
			}
		}
	}
	return len(toks) - 1
}

// build makes the paragraph's goldmark nodes, once, for the readers that
// walk a paragraph's children (the HTML builder, the tests).
func (p *simpleParagraph) build(src []byte) { buildSimple(p, src, p.toks) }

// buildSimple makes the goldmark nodes of toks under block, unless block
// has children already.
func buildSimple(block ast.Node, src []byte, toks []inlineTok) {
	if block.HasChildren() {
		return
	}
	stack := []ast.Node{block}
	for i, t := range toks {
		parent := stack[len(stack)-1]
		switch t.kind {
		case tokText:
			n := ast.NewTextSegment(t.seg())
			n.SetSoftLineBreak(t.soft)
			n.SetHardLineBreak(t.hard)
			parent.AppendChild(parent, n)
		case tokCode:
			n := ast.NewCodeSpan()
			n.AppendChild(n, ast.NewRawTextSegment(t.seg()))
			n.SetPos(int(t.pos))
			parent.AppendChild(parent, n)
		case tokEmphOpen:
			n := ast.NewEmphasis(int(t.n))
			n.SetPos(int(t.pos))
			parent.AppendChild(parent, n)
			stack = append(stack, n)
		case tokLinkOpen:
			link := ast.NewLink()
			if t.start < t.stop {
				link.Destination = src[t.start:t.stop]
			}
			if end := toks[closeOf(toks, i)]; end.canOpen {
				link.Title = src[end.start:end.stop]
			}
			var n ast.Node = link
			if t.char == '!' {
				img := ast.NewImage(link)
				img.SetPos(int(t.pos))
				n = img
			} else {
				link.SetPos(int(t.pos))
			}
			parent.AppendChild(parent, n)
			stack = append(stack, n)
		case tokEmphClose, tokLinkClose:
			stack = stack[:len(stack)-1]
		}
	}
}

// simpleInlines converts a simple paragraph's tokens as appendInlines
// converts the nodes build makes, without making them.
func (c *mdConverter) simpleInlines(toks []inlineTok) []Inline {
	out, _ := c.appendSimple(nil, toks, 0)
	return out
}

// appendSimple appends the inlines of toks[i:] up to the end of the
// element they are in, and returns the index after that end.
func (c *mdConverter) appendSimple(out []Inline, toks []inlineTok, i int) ([]Inline, int) {
	for i < len(toks) {
		t := &toks[i]
		switch t.kind {
		case tokText:
			ps := c.pieces[:0]
			for i < len(toks) && toks[i].kind == tokText {
				ps = append(ps, toks[i].piece())
				i++
			}
			c.pieces = ps
			out = c.appendPieces(out, ps)
			continue
		case tokCode:
			out = append(out, &CodeSpan{Text: c.source()[t.start:t.stop]})
		case tokEmphOpen:
			var in []Inline
			in, i = c.appendSimple(nil, toks, i+1)
			if t.n >= 2 {
				out = append(out, &Strong{Text: in})
			} else {
				out = append(out, &Emphasis{Text: in})
			}
			continue
		case tokLinkOpen:
			first := i + 1
			var in []Inline
			in, i = c.appendSimple(nil, toks, first)
			out = c.appendSimpleLink(out, t, &toks[i-1], toks[first:i-1], in)
			continue
		case tokEmphClose, tokLinkClose:
			return out, i + 1
		}
		i++
	}
	return out, i
}

// appendSimpleLink appends the link or image that open and end enclose,
// whose tokens are label and which converts to in, as appendInline
// converts an ast.Link or ast.Image.
func (c *mdConverter) appendSimpleLink(out []Inline, open, end *inlineTok, label []inlineTok, in []Inline) []Inline {
	dest := c.src[open.start:open.stop]
	var title []byte
	if end.canOpen {
		title = c.src[end.start:end.stop]
	}
	if open.char != '!' {
		return appendLink(out, dest, title, in)
	}
	// The alt text, as plainText reads it from the nodes build makes.
	var b []byte
	for _, x := range label {
		switch x.kind {
		case tokText:
			b = append(b, unescapeMarkdown(c.src[x.start:x.stop])...)
			if x.soft || x.hard {
				b = append(b, ' ')
			}
		case tokCode:
			b = append(b, c.src[x.start:x.stop]...)
		}
	}
	return appendImage(out, dest, title, string(b))
}

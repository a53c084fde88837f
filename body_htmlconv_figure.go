package article

// A <figure> becomes a Figure when it holds an image: the image, the
// link around it, and the caption; what else it holds follows it.

func (c *htmlConverter) figure(n *hnode, depth int) []Block {
	var img *hnode
	var holder *hnode // the child of n holding img
	var link *hnode   // the innermost <a href> between n and img
	var find func(x *hnode, d int, a *hnode) bool
	find = func(x *hnode, d int, a *hnode) bool {
		if x.tag == "img" {
			img, link = x, a
			return true
		}
		if x.tag == "figcaption" || d > maxDepth {
			return false
		}
		if x.tag == "a" && hasAttr(x.attrs, "href") {
			a = x
		}
		for _, k := range x.kids {
			if find(k, d+1, a) {
				return true
			}
		}
		return false
	}
	for _, k := range n.kids {
		if find(k, 0, nil) {
			holder = k
			break
		}
	}
	if img == nil {
		return c.blocks(n.kids, depth)
	}
	im := c.image(img)
	f := &Figure{}
	if link != nil {
		// The same cleaning as any link's (appendInline): an address
		// that is dropped leaves the figure unlinked.
		if href, ok := cleanURL(link.attr("href"), false); ok && href != "" {
			f.Link, f.LinkTitle = href, cleanAttrText(link.attr("title"))
		}
	}
	var rest []Block
	for _, k := range n.kids {
		switch {
		case k == holder:
			if img != holder {
				// Text around the image (a link's title, say) is kept
				// after; the link itself is the figure's, so an <a>
				// holding the image gives up its text as plain text.
				rest = append(rest, c.blocks(withoutNode(holder, img, link).kids, depth)...)
			}
		case k.tag == "figcaption":
			f.Caption = append(f.Caption, c.textOf(k)...)
		case isBlankText(k):
		default:
			rest = append(rest, c.blocks([]*hnode{k}, depth)...)
		}
	}
	f.Caption = canonInlines(f.Caption, true)
	var out []Block
	if len(im) == 1 {
		if i, ok := im[0].(*Image); ok {
			f.Image = *i
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		// The image's URL was dropped: keep its alt text, its link and
		// the caption.
		if f.Link != "" {
			im = []Inline{&Link{Href: f.Link, Title: f.LinkTitle, Text: im}}
		}
		if p := paragraphKeep(append(im, &LineBreak{}), true, c.keep); p != nil {
			out = append(out, p)
		}
		if len(f.Caption) > 0 {
			out = append(out, &Paragraph{Text: f.Caption})
		}
	}
	return append(out, rest...)
}

// withoutNode returns a copy of the subtree x without the node drop, and
// with the node unwrap (if any, and not x itself) replaced by its
// children.
func withoutNode(x, drop, unwrap *hnode) *hnode {
	y := *x
	y.kids = nil
	for _, k := range x.kids {
		switch k {
		case drop:
		case unwrap:
			y.kids = append(y.kids, withoutNode(k, drop, unwrap).kids...)
		default:
			y.kids = append(y.kids, withoutNode(k, drop, unwrap))
		}
	}
	return &y
}

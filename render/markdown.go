package render

import (
	"io"
	"slices"
	"sync"

	"github.com/articlekit/article"
)

// Markdown writes a as Markdown: its front matter in the format it was
// read in, then its body as CommonMark with the GitHub extensions
// (tables, strikethrough, task lists, footnotes). The output ends in
// exactly one newline, and the same article always gives the same bytes.
//
// [article.Parse] reads the output back into an article equal to a (see
// [article.Article.Equal]) for articles in the form Parse produces; the
// package documentation lists the rules and the few constructs that have
// no exact Markdown form.
func Markdown(w io.Writer, a *article.Article) error {
	m := mdWriters.Get().(*mdWriter)
	defer m.release()
	out, err := m.markdown(a)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// An mdWriter holds what writing one article as Markdown needs. Writers
// are pooled, so that their buffers serve one article after another.
type mdWriter struct {
	buf     []byte  // the output
	levels  []level // the line prefixes of the blocks being written
	arena   []byte  // the text of the levels' prefixes
	bol     bool    // nothing is written on the current line yet
	written int     // the number of levels whose prefix is on the current line
	lines   int     // the number of lines written
	marks   []int   // the offsets in buf of the items of the lists being written
	tmp     []byte  // a prefix being built
	in      inlineWriter
	image   [1]article.Inline // a figure's image, as inlines
	linked  [1]article.Inline // figLink, as inlines
	figLink article.Link      // a figure's link around image
	prov    provenance
}

var mdWriters = sync.Pool{New: func() any { return new(mdWriter) }}

// release returns m to the pool, unless one huge article made its buffer
// too big to keep.
func (m *mdWriter) release() {
	m.prov.clear()
	if cap(m.buf) <= 1<<20 && cap(m.in.b) <= 1<<20 {
		mdWriters.Put(m)
	}
}

// markdown returns a rendered as Markdown, in m's buffer.
func (m *mdWriter) markdown(a *article.Article) ([]byte, error) {
	m.buf, m.levels, m.arena, m.marks = m.buf[:0], m.levels[:0], m.arena[:0], m.marks[:0]
	m.bol, m.written, m.lines = true, 0, 0
	var err error
	if m.buf, err = appendFrontMatter(m.buf, &a.FrontMatter); err != nil {
		return nil, err
	}
	// One byte is kept before the body for what may have to go there: the
	// blank line after front matter, or a backslash.
	fm := len(m.buf)
	m.buf = append(m.buf, 0)
	start := len(m.buf)
	m.blocks(m.prov.body(a), false)
	out := m.buf
	switch body := m.buf[start:]; {
	case len(body) == 0 || len(body) == 1 && body[0] == '\n':
		out = m.buf[:fm] // no body, or a single empty line
	case fm > 0:
		out[fm] = '\n'
	case looksLikeJSONFrontMatter(body):
		// A first line such as "{" or {"a" would be read as JSON front
		// matter; an escaped brace is the same text.
		out[fm] = '\\'
	default:
		out = m.buf[start:]
	}
	if len(out) == 0 {
		out = append(m.buf[:0], '\n')
	}
	return out, nil
}

// looksLikeJSONFrontMatter reports whether Parse would take the first line
// of s for the start of JSON front matter: "{" followed on its line only
// by white space, `"` or "}".
func looksLikeJSONFrontMatter(s []byte) bool {
	if len(s) == 0 || s[0] != '{' {
		return false
	}
	i := 1
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i == len(s) || s[i] == '\n' || s[i] == '"' || s[i] == '}'
}

// A provenance puts the credit line, the link to the original story and
// the navigation line back at the end of the body, where Parse finds and
// moves them again. Its blocks live in the pooled writer, so that adding
// them allocates nothing.
type provenance struct {
	blocks     []article.Block
	inlines    []article.Inline
	credit     article.Paragraph
	creditText article.Text
	source     article.Paragraph
	sourceLink article.Link
	sourceText article.Text
	nav        article.Paragraph
	navLinks   []article.Link
	navTexts   []article.Text
	navSep     article.Text
}

// body returns a's body with its provenance put back.
func (p *provenance) body(a *article.Article) []article.Block {
	if a.Credit == "" && a.SourceURL == "" && len(a.Nav) == 0 {
		return a.Body
	}
	p.blocks = append(p.blocks[:0], a.Body...)
	// The inlines are cut from one slice, which must not grow once cut:
	// a credit's text, a link and its text, and per navigation link its
	// text, itself and a separator.
	n := 3 + 3*len(a.Nav)
	if cap(p.inlines) < n {
		p.inlines = make([]article.Inline, 0, n)
	}
	in := p.inlines[:0]
	if a.Credit != "" {
		p.creditText = article.Text{Text: a.Credit}
		in = append(in, &p.creditText)
		p.credit = article.Paragraph{Text: in[len(in)-1:]}
		p.blocks = append(p.blocks, &p.credit)
	}
	if a.SourceURL != "" {
		p.sourceText = article.Text{Text: a.SourceURL}
		in = append(in, &p.sourceText)
		p.sourceLink = article.Link{Href: a.SourceURL, Text: in[len(in)-1:]}
		in = append(in, &p.sourceLink)
		p.source = article.Paragraph{Text: in[len(in)-1:]}
		p.blocks = append(p.blocks, &p.source)
	}
	if len(a.Nav) > 0 {
		if cap(p.navLinks) < len(a.Nav) {
			p.navLinks = make([]article.Link, len(a.Nav))
			p.navTexts = make([]article.Text, len(a.Nav))
		}
		links, texts := p.navLinks[:len(a.Nav)], p.navTexts[:len(a.Nav)]
		p.navSep = article.Text{Text: " | "}
		// The links' texts first, then the line's inlines after them.
		from := len(in)
		for i, n := range a.Nav {
			texts[i] = article.Text{Text: n.Text}
			in = append(in, &texts[i])
		}
		line := len(in)
		for i, n := range a.Nav {
			links[i] = article.Link{Href: n.Href, Text: in[from+i : from+i+1]}
			if i > 0 {
				in = append(in, &p.navSep)
			}
			in = append(in, &links[i])
		}
		p.nav = article.Paragraph{Text: in[line:]}
		p.blocks = append(p.blocks, &p.nav)
	}
	return p.blocks
}

// clear drops p's references to the article it last held.
func (p *provenance) clear() {
	clear(p.blocks)
	clear(p.inlines[:cap(p.inlines)])
	p.blocks = p.blocks[:0]
	clear(p.navLinks)
	clear(p.navTexts)
	p.creditText, p.sourceText, p.sourceLink = article.Text{}, article.Text{}, article.Link{}
	p.credit, p.source, p.nav = article.Paragraph{}, article.Paragraph{}, article.Paragraph{}
}

// reserve doubles the output's room when it runs low past a megabyte:
// append grows a large slice by a quarter at a time, which for a long
// article copies the output several times over.
func (w *mdWriter) reserve() {
	if n := len(w.buf); n >= 1<<20 && cap(w.buf)-n < 64<<10 {
		w.buf = slices.Grow(w.buf, n)
	}
}

// blocks writes a sequence of blocks. Blocks are separated by a blank
// line, except in a tight list item, where a blank line would make the
// list loose: there a block follows the previous one directly when it can
// (see needsBlank).
func (w *mdWriter) blocks(blocks []article.Block, tight bool) {
	var prev article.Block
	bullet := 0 // alternates the marker of adjacent lists so they stay apart
	for i, blk := range blocks {
		w.reserve()
		if i > 0 && (!tight || needsBlank(prev, blk)) && !endsInEmptyItem(prev) {
			w.endLine()
		}
		if l, ok := blk.(*article.List); ok {
			if pl, ok := prev.(*article.List); ok && pl.Ordered == l.Ordered {
				bullet ^= 1
			} else {
				bullet = 0
			}
		}
		if f, ok := blk.(*article.Figure); ok && !tight {
			w.figure(f)
		} else if p, ok := blk.(*article.Paragraph); ok {
			w.paragraph(p.Text)
		} else {
			w.block(blk, bullet, i == 0)
		}
		prev = blk
	}
}

// endsInEmptyItem reports a list whose last item is empty. No blank line
// may follow it: goldmark ends the enclosing list item at that blank line,
// and without one the next line cannot continue the empty item anyway.
func endsInEmptyItem(b article.Block) bool {
	l, ok := b.(*article.List)
	if !ok || len(l.Items) == 0 {
		return false
	}
	last := l.Items[len(l.Items)-1]
	return len(last.Blocks) == 0 && last.Task == nil // a box is text a line can continue
}

// needsBlank reports whether next must be separated from prev by a blank
// line inside a tight list item (article's needsBlankLine, which makes an
// HTML list that needs one loose, follows the same rule): it must unless prev ends by itself (a
// heading, a fence, a rule), next can interrupt the paragraph prev, or
// both are lists (whose markers differ; see blocks).
func needsBlank(prev, next article.Block) bool {
	switch prev.(type) {
	case *article.Heading, *article.Code, *article.Rule:
		return false
	case *article.List:
		// goldmark starts a new list at a line with another marker,
		// whatever its number.
		if _, ok := next.(*article.List); ok {
			return false
		}
		// After an empty last item there is no paragraph for a line to
		// continue lazily; and a blank line there would end the
		// enclosing item too, as goldmark reads it.
		if endsInEmptyItem(prev) {
			return false
		}
		return true
	case *article.Quote:
		// A line that starts a fence, an ATX heading or a rule is no lazy
		// continuation of the quote's last paragraph.
		switch next.(type) {
		case *article.Heading, *article.Code, *article.Rule, *article.Figure:
			return false
		}
	case *article.Paragraph:
		switch n := next.(type) {
		case *article.Heading, *article.Code, *article.Rule, *article.Quote, *article.Figure:
			return false
		case *article.List:
			return len(n.Items) == 0 || len(n.Items[0].Blocks) == 0 || n.Ordered && n.Start != 1
		}
	}
	return true
}

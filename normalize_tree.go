package article

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Normalize normalizes a in place and returns the edits it made, in
// document order: front matter first, then the body.
//
// The prose of the front matter — title, summary, description, excerpt —
// is normalized, in the typed fields and in the front-matter values they
// came from; tags, categories, slugs, permalinks, URLs and every other
// key are never touched. In the body, the text of each paragraph,
// heading, table cell, caption, list item, quote and footnote is one run
// across its inline elements, so that context flows through emphasis and
// links: <p>他说:<em>你好</em>!</p> becomes 他说：<em>你好</em>！. Code
// spans, images and footnote references are opaque neighbours; code
// blocks, HTML blocks, link targets and image sources never change.
//
// If n.Location is set, Date, Lastmod and PublishDate are re-expressed in
// that zone and their front-matter text is rewritten in the shape it had.
func (n *Normalizer) Normalize(a *Article) []Edit {
	if a == nil {
		return nil
	}
	w := walkerPool.Get().(*walker)
	*w = walker{on: n.rules(), profile: n.profile(), texts: w.texts[:0], olds: w.olds[:0], segs: w.segs[:0]}
	w.frontMatter(a)
	if w.on&bTimeZone != 0 {
		w.dates(a, n.Location)
	}
	for i, b := range a.Body {
		w.segs = append(w.segs[:0], seg{"body", i, -1})
		w.block(b)
	}
	edits := w.edits
	// The pool keeps the buffers, not the Article they pointed into.
	clear(w.texts[:cap(w.texts)])
	clear(w.olds[:cap(w.olds)])
	w.edits, w.fmEdits = nil, nil
	walkerPool.Put(w)
	return edits
}

// walkerPool holds walkers, whose buffers are reused from one Article
// to the next.
var walkerPool = sync.Pool{New: func() any { return new(walker) }}

// A seg is one step of the path of a run: a name and one or two indexes.
// Paths are kept as segs and written out only for a run that changes,
// so that an article with nothing to change costs no strings.
type seg struct {
	name string // "body", ".items", ".blocks", ".header", ".rows", ".text", ".caption"
	i, j int    // written as [i] and [j] when not negative
}

// path returns the path of the current run, as in [Edit.Path].
func (w *walker) path() string {
	var b []byte
	for _, s := range w.segs {
		b = append(b, s.name...)
		for _, k := range [2]int{s.i, s.j} {
			if k >= 0 {
				b = append(b, '[')
				b = strconv.AppendInt(b, int64(k), 10)
				b = append(b, ']')
			}
		}
	}
	return string(b)
}

// A walker normalizes the runs of one Article and collects the edits.
type walker struct {
	on      ruleSet
	profile Profile
	edits   []Edit
	texts   []*Text
	olds    []string
	fmEdits []Edit // edits of front-matter values, which come after typed-only ones
	segs    []seg  // the path of the current block
	q       quietScan
}

// frontMatter normalizes the prose fields.
func (w *walker) frontMatter(a *Article) {
	title, summary := a.Title, a.Summary
	var titleDone, summaryDone bool
	for i := range a.FrontMatter.Fields {
		f := &a.FrontMatter.Fields[i]
		key := strings.ToLower(f.Key)
		switch key {
		case "title", "summary", "description", "excerpt":
		default:
			continue
		}
		if f.Value.Kind != KindString {
			continue
		}
		old := f.Value.Text
		f.Value.Text = w.field(old, f.Key, Pos{Line: f.Value.Line, Col: f.Value.Col}, f.Value.text, &w.fmEdits)
		if f.Value.Text != old {
			f.Value.text = nil // its offsets were into the old text
		}
		if key == "title" && !titleDone && old == title {
			a.Title, titleDone = f.Value.Text, true
		} else if key != "title" && !summaryDone && old == summary {
			a.Summary, summaryDone = f.Value.Text, true
		}
	}
	if !titleDone {
		a.Title = w.field(a.Title, "title", Pos{}, nil, &w.edits)
	}
	if !summaryDone {
		a.Summary = w.field(a.Summary, "summary", Pos{}, nil, &w.edits)
	}
	w.edits = append(w.edits, w.fmEdits...)
}

// field normalizes the text of one field, appending its edits to edits.
// pos is the value's position; lines, when known, map the text to the
// file.
func (w *walker) field(s, path string, pos Pos, lines []textLine, edits *[]Edit) string {
	if s == "" || asciiClean(s) || quiet(s, w.on&bCJKSpace != 0 && w.profile != ProfileJapanese) {
		return s
	}
	st := newState(w.on, w.profile, true)
	defer st.free()
	st.addText(s, 0)
	st.run()
	if !st.changed {
		return s
	}
	w.appendEdits(edits, st, path, func(int32) (Pos, string, []textLine) { return pos, s, lines })
	return st.stringOf(0)
}

// appendEdits turns the raw edits of st into Edits, in text order.
func (w *walker) appendEdits(edits *[]Edit, st *state, path string, where func(src int32) (Pos, string, []textLine)) {
	slices.SortStableFunc(st.edits, func(x, y rawEdit) int {
		if x.src != y.src {
			return int(x.src - y.src)
		}
		return int(x.off - y.off)
	})
	// The edits are in order within each text, so positions are found by
	// walking forward from the previous edit: one pass over each text,
	// however many edits it has.
	// Double the list's room when it runs out, as append does only for
	// small slices: a long article's edits would be copied many times.
	if need := len(*edits) + len(st.edits); need > cap(*edits) {
		*edits = slices.Grow(*edits, max(need, 2*cap(*edits))-len(*edits))
	}
	var cur textCursor
	for _, e := range st.edits {
		if !cur.valid || e.src != cur.src || int(e.off) < cur.off {
			pos, text, lines := where(e.src)
			cur = textCursor{valid: true, src: e.src, text: text, pos: pos, lines: lines}
			cur.start()
		}
		*edits = append(*edits, Edit{
			Rule: ruleOf(e.bit),
			Path: path,
			Pos:  cur.advance(int(e.off)),
			Old:  e.old,
			New:  e.new,
		})
	}
}

// A textCursor finds the positions of increasing byte offsets of a text
// that starts at pos.
type textCursor struct {
	valid bool
	src   int32
	text  string
	pos   Pos // of text[off]
	off   int
	lines []textLine // where the text resumes on later source lines
}

// start moves the cursor from the byte its position names, the text's
// first that is not a space or tab, back to the text's first byte, when
// the spaces before it are the source's, on its line. Spaces joined from
// elsewhere (a line break before the text, marked by a line entry at the
// first non-space byte) or collapsed from other white space have no
// column of their own; an edit there is given the next byte's.
func (c *textCursor) start() {
	k := posOffset(c.text)
	switch {
	case len(c.lines) > 0 && c.lines[0].off <= k:
		// An entry names a byte no later than the first non-space one:
		// where the text starts (a quoted front-matter value), where a
		// byte the source writes as an entity of white space stands,
		// or the first non-space byte joined to spaces from elsewhere (a
		// line break, a piece of only spaces).
		c.off, c.pos, c.lines = c.lines[0].off, c.lines[0].pos, c.lines[1:]
	case c.pos.Line == 0 || k == 0:
	case c.pos.Col > k:
		c.pos.Col -= k
	default:
		c.off = k
	}
}

// advance returns the position of byte off of the text, off being no
// less than the previous call's; the position is unknown (the text's own)
// when the text's is.
func (c *textCursor) advance(off int) Pos {
	if c.pos.Line == 0 || off > len(c.text) {
		return c.pos
	}
	for c.off < off {
		if len(c.lines) > 0 && c.lines[0].off <= off {
			// Jump to the source line the text continues on.
			c.off, c.pos = c.lines[0].off, c.lines[0].pos
			c.lines = c.lines[1:]
			continue
		}
		if c.text[c.off] == '\n' {
			c.pos.Line++
			c.pos.Col = 1
		} else {
			c.pos.Col++
		}
		c.off++
	}
	return c.pos
}

// dates re-expresses the dates of a in loc.
func (w *walker) dates(a *Article, loc *time.Location) {
	for i := range a.FrontMatter.Fields {
		f := &a.FrontMatter.Fields[i]
		var t time.Time
		switch strings.ToLower(f.Key) {
		case "date":
			t = a.Date
		case "lastmod", "modified", "last_modified_at", "updated":
			t = a.Lastmod
		case "publishdate", "pubdate", "published":
			t = a.PublishDate
		default:
			continue
		}
		v := &f.Value
		if v.Kind == KindList || v.Kind == KindMap || v.Kind == KindBool || v.Text == "" {
			continue
		}
		def := time.UTC
		if !t.IsZero() {
			def = t.Location()
		}
		pt, _, err := parseDate(v.Text, def)
		if err != nil {
			continue
		}
		text := formatDateLike(v.Text, pt.In(loc))
		if text == v.Text {
			continue
		}
		w.edits = append(w.edits, Edit{Rule: RuleTimeZone, Path: f.Key, Pos: Pos{Line: v.Line, Col: v.Col}, Old: v.Text, New: text})
		v.Text = text
		if strings.ToLower(f.Key) == "date" {
			a.DateZoneAssumed = false
		}
	}
	for _, t := range []*time.Time{&a.Date, &a.Lastmod, &a.PublishDate} {
		if !t.IsZero() {
			*t = t.In(loc)
		}
	}
}

// block normalizes the runs of one block, whose path is w.segs.
func (w *walker) block(b Block) {
	switch x := b.(type) {
	case *Paragraph:
		w.run(x.Text, seg{".text", -1, -1})
	case *Heading:
		w.run(x.Text, seg{".text", -1, -1})
	case *List:
		for i, it := range x.Items {
			for j, bb := range it.Blocks {
				w.within(bb, seg{".items", i, j})
			}
		}
	case *Quote:
		w.blocks(x.Blocks)
	case *Footnote:
		w.blocks(x.Blocks)
	case *Table:
		for i := range x.Header {
			w.run(x.Header[i].Text, seg{".header", i, -1})
		}
		for r, row := range x.Rows {
			for c := range row {
				w.run(row[c].Text, seg{".rows", r, c})
			}
		}
	case *Figure:
		w.run(x.Caption, seg{".caption", -1, -1})
	}
}

func (w *walker) blocks(bs []Block) {
	for j, b := range bs {
		w.within(b, seg{".blocks", j, -1})
	}
}

// within normalizes b, a block inside the current one at step s.
func (w *walker) within(b Block, s seg) {
	w.segs = append(w.segs, s)
	w.block(b)
	w.segs = w.segs[:len(w.segs)-1]
}

// run normalizes one run of inline text and writes the result back into
// the Text nodes it came from.
func (w *walker) run(ins []Inline, last seg) {
	if w.quiet(ins) {
		return
	}
	w.segs = append(w.segs, last)
	defer func() { w.segs = w.segs[:len(w.segs)-1] }()
	st := newState(w.on, w.profile, true)
	defer st.free()
	w.texts = w.texts[:0]
	w.collect(st, ins, 0)
	if len(w.texts) == 0 {
		return
	}
	st.run()
	if !st.changed {
		return
	}
	w.olds = w.olds[:0]
	for _, t := range w.texts {
		w.olds = append(w.olds, t.Text)
	}
	news := st.split(len(w.texts))
	for k, t := range w.texts {
		t.Text = news[k]
	}
	w.appendEdits(&w.edits, st, w.path(), func(src int32) (Pos, string, []textLine) {
		if src < 0 || int(src) >= len(w.texts) {
			return Pos{}, "", nil
		}
		return w.texts[src].Pos, w.olds[src], w.texts[src].lines
	})
	for k, t := range w.texts {
		if t.Text != w.olds[k] {
			t.lines = nil // its offsets were into the old text
		}
	}
}

// quiet reports whether the run ins is certain to come out unchanged:
// a quiet scan over it as collect would lay it out.
func (w *walker) quiet(ins []Inline) bool {
	w.q.reset(w.on&bCJKSpace != 0 && w.profile != ProfileJapanese)
	w.scan(ins, 0)
	return w.q.done() && !w.q.nfc
}

// scan feeds ins to w.q, as collect adds it to a state.
func (w *walker) scan(ins []Inline, depth int) {
	for _, in := range ins {
		if w.q.stopped() {
			return // not quiet, whatever follows
		}
		var sub []Inline
		switch x := in.(type) {
		case *Text:
			w.q.text(x.Text)
			continue
		case *Emphasis:
			sub = x.Text
		case *Strong:
			sub = x.Text
		case *Strike:
			sub = x.Text
		case *Link:
			sub = x.Text
		case *LineBreak:
			w.q.breakTok()
			continue
		default:
			w.q.opaqueTok()
			continue
		}
		if depth >= maxNormalizeDepth {
			w.q.opaqueTok()
		} else {
			w.scan(sub, depth+1)
		}
	}
}

// collect adds the text of ins to st, depth-first.
func (w *walker) collect(st *state, ins []Inline, depth int) {
	for _, in := range ins {
		switch x := in.(type) {
		case *Text:
			st.addText(x.Text, int32(len(w.texts)))
			w.texts = append(w.texts, x)
		case *Emphasis:
			w.collectIn(st, x.Text, depth)
		case *Strong:
			w.collectIn(st, x.Text, depth)
		case *Strike:
			w.collectIn(st, x.Text, depth)
		case *Link:
			w.collectIn(st, x.Text, depth)
		case *LineBreak:
			st.addBreak()
		default: // *CodeSpan, *Image, *FootnoteRef
			st.addOpaque()
		}
	}
}

func (w *walker) collectIn(st *state, ins []Inline, depth int) {
	if depth >= maxNormalizeDepth {
		st.addOpaque()
		return
	}
	w.collect(st, ins, depth+1)
}

// maxNormalizeDepth bounds the nesting of inline elements the walker
// follows; deeper text is left alone.
const maxNormalizeDepth = 256

// split returns the text of the tokens of each of the first n Texts.
// The tokens of a run come Text by Text, so the texts are written one
// after another into one buffer and cut from one string: three
// allocations (the ends, the string, the result), not more for every
// Text.
func (st *state) split(n int) []string {
	ends := make([]int, n) // ends[k] is the end of Text k in b
	b := st.buf[:0]
	last := int32(0)
	for _, t := range st.toks {
		if t.src < 0 || int(t.src) >= n {
			continue
		}
		if t.src < last {
			return st.splitEach(n) // out of order: never expected
		}
		for ; last < t.src; last++ {
			ends[last] = len(b)
		}
		if r := t.r; uint32(r) < utf8.RuneSelf {
			b = append(b, byte(r))
		} else {
			b = appendWideRune(b, r)
		}
	}
	for ; int(last) < n; last++ {
		ends[last] = len(b)
	}
	st.buf = b
	all := string(b)
	out := make([]string, n)
	start := 0
	for k, e := range ends {
		out[k] = all[start:e]
		start = e
	}
	return out
}

// splitEach is split for tokens in any order.
func (st *state) splitEach(n int) []string {
	bufs := make([][]byte, n)
	for _, t := range st.toks {
		if t.src >= 0 && int(t.src) < n {
			bufs[t.src] = utf8.AppendRune(bufs[t.src], t.r)
		}
	}
	out := make([]string, n)
	for i, b := range bufs {
		out[i] = string(b)
	}
	return out
}

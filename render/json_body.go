package render

import "github.com/articlekit/article"

// The body in JSON: blocks and inlines are objects whose first member is
// their "type", as article's MarshalJSON writes them.

func (w *jsonWriter) blocks(blocks []article.Block) {
	if len(blocks) == 0 {
		w.empty()
		return
	}
	w.open('[')
	for i, b := range blocks {
		w.item(i == 0)
		w.block(b)
	}
	w.close(']')
}

// typ opens a block's or an inline's object with its type.
func (w *jsonWriter) typ(name string) {
	w.open('{')
	w.key("type", true)
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"')
}

func (w *jsonWriter) block(b article.Block) {
	switch b := b.(type) {
	case *article.Paragraph:
		if b != nil {
			w.typ("paragraph")
			w.key("text", false)
			w.inlines(b.Text)
			w.close('}')
			return
		}
	case *article.Heading:
		if b != nil {
			if b.Level < 1 || b.Level > 6 {
				w.bad = true
			}
			w.typ("heading")
			w.key("level", false)
			w.int(b.Level)
			w.key("text", false)
			w.inlines(b.Text)
			w.close('}')
			return
		}
	case *article.List:
		if b != nil {
			w.list(b)
			return
		}
	case *article.Quote:
		if b != nil {
			w.typ("quote")
			w.key("blocks", false)
			w.blocks(b.Blocks)
			w.close('}')
			return
		}
	case *article.Code:
		if b != nil {
			w.typ("code")
			w.keyStr("language", b.Language)
			w.keyStr("text", b.Text)
			w.close('}')
			return
		}
	case *article.Table:
		if b != nil {
			w.table(b)
			return
		}
	case *article.Figure:
		if b != nil {
			w.typ("figure")
			w.key("image", false)
			w.open('{')
			w.key("src", true)
			w.str(b.Image.Src)
			w.keyStr("alt", b.Image.Alt)
			w.keyStr("title", b.Image.Title)
			w.close('}')
			w.keyStr("link", b.Link)
			w.keyStr("link_title", b.LinkTitle)
			w.key("caption", false)
			w.inlines(b.Caption)
			w.close('}')
			return
		}
	case *article.Rule:
		if b != nil {
			w.typ("rule")
			w.close('}')
			return
		}
	case *article.HTML:
		if b != nil {
			w.typ("html")
			w.keyStr("text", b.Text)
			w.close('}')
			return
		}
	case *article.Footnote:
		if b != nil {
			w.typ("footnote")
			w.keyStr("label", b.Label)
			w.key("blocks", false)
			w.blocks(b.Blocks)
			w.close('}')
			return
		}
	}
	w.bad = true
	w.b = append(w.b, "null"...)
}

func (w *jsonWriter) list(l *article.List) {
	w.typ("list")
	w.key("ordered", false)
	w.boolean(l.Ordered)
	w.key("start", false)
	w.int(l.Start)
	w.key("loose", false)
	w.boolean(l.Loose)
	w.key("items", false)
	if len(l.Items) == 0 {
		w.empty()
		w.close('}')
		return
	}
	w.open('[')
	for i, it := range l.Items {
		w.item(i == 0)
		if it == nil {
			w.bad = true
			w.b = append(w.b, "null"...)
			continue
		}
		w.open('{')
		first := true
		if it.Task != nil {
			w.key("task", true)
			w.boolean(*it.Task)
			first = false
		}
		w.key("blocks", first)
		w.blocks(it.Blocks)
		w.close('}')
	}
	w.close(']')
	w.close('}')
}

func (w *jsonWriter) table(t *article.Table) {
	w.typ("table")
	w.key("align", false)
	if len(t.Align) == 0 {
		w.empty()
	} else {
		w.open('[')
		for i, a := range t.Align {
			if a != article.AlignNone && a != article.AlignLeft && a != article.AlignCenter && a != article.AlignRight {
				w.bad = true
			}
			w.item(i == 0)
			w.str(string(a))
		}
		w.close(']')
	}
	w.key("header", false)
	w.cells(t.Header)
	w.key("rows", false)
	if len(t.Rows) == 0 {
		w.empty()
	} else {
		w.open('[')
		for i, r := range t.Rows {
			w.item(i == 0)
			w.cells(r)
		}
		w.close(']')
	}
	w.close('}')
}

func (w *jsonWriter) cells(cells []article.Cell) {
	if len(cells) == 0 {
		w.empty()
		return
	}
	w.open('[')
	for i, c := range cells {
		w.item(i == 0)
		w.inlines(c.Text)
	}
	w.close(']')
}

func (w *jsonWriter) inlines(in []article.Inline) {
	if len(in) == 0 {
		w.empty()
		return
	}
	w.open('[')
	for i, x := range in {
		w.item(i == 0)
		w.inline(x)
	}
	w.close(']')
}

// children writes the inlines inside a span or a link and closes its
// object.
func (w *jsonWriter) children(in []article.Inline) {
	w.key("children", false)
	w.inlines(in)
	w.close('}')
}

func (w *jsonWriter) inline(x article.Inline) {
	switch x := x.(type) {
	case *article.Text:
		if x != nil {
			w.typ("text")
			w.keyStr("text", x.Text)
			w.close('}')
			return
		}
	case *article.Emphasis:
		if x != nil {
			w.typ("emphasis")
			w.children(x.Text)
			return
		}
	case *article.Strong:
		if x != nil {
			w.typ("strong")
			w.children(x.Text)
			return
		}
	case *article.Strike:
		if x != nil {
			w.typ("strike")
			w.children(x.Text)
			return
		}
	case *article.CodeSpan:
		if x != nil {
			w.typ("code")
			w.keyStr("text", x.Text)
			w.close('}')
			return
		}
	case *article.Link:
		if x != nil {
			w.typ("link")
			w.keyStr("href", x.Href)
			if x.Title != "" {
				w.keyStr("title", x.Title)
			}
			w.children(x.Text)
			return
		}
	case *article.Image:
		if x != nil {
			w.typ("image")
			w.keyStr("src", x.Src)
			w.keyStr("alt", x.Alt)
			if x.Title != "" {
				w.keyStr("title", x.Title)
			}
			w.close('}')
			return
		}
	case *article.LineBreak:
		if x != nil {
			w.typ("break")
			w.close('}')
			return
		}
	case *article.FootnoteRef:
		if x != nil {
			w.typ("footnote_ref")
			w.keyStr("label", x.Label)
			w.close('}')
			return
		}
	}
	w.bad = true
	w.b = append(w.b, "null"...)
}

package article

import (
	"reflect"
	"time"
)

// Equal reports whether a and b hold the same article: the same typed
// fields, front matter and body. Positions (Text.Pos, Value.Line and
// Value.Col) and BodyFormat are not compared, so an article equals what
// Parse reads back from its rendering; nor is the difference between a
// nil and an empty list.
func (a *Article) Equal(b *Article) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := *a, *b
	x.BodyFormat, y.BodyFormat = "", ""
	x.FrontMatter.Fields = stripFieldPositions(x.FrontMatter.Fields)
	y.FrontMatter.Fields = stripFieldPositions(y.FrontMatter.Fields)
	x.Body = stripBlockPositions(x.Body)
	y.Body = stripBlockPositions(y.Body)
	nilIfEmptyLists(&x)
	nilIfEmptyLists(&y)
	return x.Date.Equal(y.Date) && x.Lastmod.Equal(y.Lastmod) && x.PublishDate.Equal(y.PublishDate) &&
		sameOffset(x.Date, y.Date) && sameOffset(x.Lastmod, y.Lastmod) && sameOffset(x.PublishDate, y.PublishDate) &&
		reflect.DeepEqual(withoutDates(x), withoutDates(y))
}

// nilIfEmptyLists makes the article's empty top-level lists nil.
func nilIfEmptyLists(a *Article) {
	for _, l := range []*[]string{&a.Categories, &a.Tags, &a.Authors, &a.Aliases} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	if len(a.Nav) == 0 {
		a.Nav = nil
	}
	if len(a.Body) == 0 {
		a.Body = nil
	}
	if len(a.FrontMatter.Fields) == 0 {
		a.FrontMatter.Fields = nil
	}
}

func sameOffset(s, t time.Time) bool {
	_, a := s.Zone()
	_, b := t.Zone()
	return a == b
}

func withoutDates(a Article) Article {
	a.Date, a.Lastmod, a.PublishDate = time.Time{}, time.Time{}, time.Time{}
	return a
}

func stripFieldPositions(fields []Field) []Field {
	if fields == nil {
		return nil
	}
	out := make([]Field, len(fields))
	for i, f := range fields {
		out[i] = Field{Key: f.Key, Value: stripValuePositions(f.Value)}
	}
	return out
}

func stripValuePositions(v Value) Value {
	v.Line, v.Col, v.text = 0, 0, nil
	if v.List != nil {
		list := make([]Value, len(v.List))
		for i, e := range v.List {
			list[i] = stripValuePositions(e)
		}
		v.List = list
	}
	v.Map = stripFieldPositions(v.Map)
	return v
}

func stripBlockPositions(blocks []Block) []Block {
	if blocks == nil {
		return nil
	}
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		out[i] = stripBlock(b)
	}
	return out
}

func stripBlock(b Block) Block {
	switch b := b.(type) {
	case *Paragraph:
		return &Paragraph{Text: stripInlines(b.Text)}
	case *Heading:
		return &Heading{Level: b.Level, Text: stripInlines(b.Text)}
	case *List:
		l := *b
		l.Items = make([]*ListItem, len(b.Items))
		for i, it := range b.Items {
			l.Items[i] = &ListItem{Task: it.Task, Blocks: stripBlockPositions(it.Blocks)}
		}
		return &l
	case *Quote:
		return &Quote{Blocks: stripBlockPositions(b.Blocks)}
	case *Table:
		t := &Table{Align: b.Align, Header: stripCells(b.Header)}
		if b.Rows != nil {
			t.Rows = make([][]Cell, len(b.Rows))
			for i, r := range b.Rows {
				t.Rows[i] = stripCells(r)
			}
		}
		return t
	case *Figure:
		f := *b
		f.Caption = stripInlines(b.Caption)
		return &f
	case *Footnote:
		return &Footnote{Label: b.Label, Blocks: stripBlockPositions(b.Blocks)}
	}
	return b
}

func stripCells(cells []Cell) []Cell {
	if cells == nil {
		return nil
	}
	out := make([]Cell, len(cells))
	for i, c := range cells {
		out[i] = Cell{Text: stripInlines(c.Text)}
	}
	return out
}

func stripInlines(in []Inline) []Inline {
	if in == nil {
		return nil
	}
	out := make([]Inline, len(in))
	for i, x := range in {
		switch x := x.(type) {
		case *Text:
			out[i] = &Text{Text: x.Text}
		case *Emphasis:
			out[i] = &Emphasis{Text: stripInlines(x.Text)}
		case *Strong:
			out[i] = &Strong{Text: stripInlines(x.Text)}
		case *Strike:
			out[i] = &Strike{Text: stripInlines(x.Text)}
		case *Link:
			out[i] = &Link{Href: x.Href, Title: x.Title, Text: stripInlines(x.Text)}
		default:
			out[i] = x
		}
	}
	return out
}

package article

import "strings"

// table converts an HTML table. The header row is the first row of thead,
// or a first row made only of th cells; otherwise the header is a row of
// empty cells and every row is a body row. Rows are padded to the widest
// row. Block content of cells (layout tables) is flattened, blocks joined
// by a LineBreak. Content that is not in a cell (which a browser would
// show before the table) comes before it, and the caption after it, as
// paragraphs. A table whose padding would cost far more than its cells
// (hostile input) becomes one paragraph per row instead.
func (c *htmlConverter) table(n *hnode, depth int) []Block {
	type row struct {
		cells  []*hnode
		header bool // in thead
	}
	var rows []row
	var before, after []Block
	addRow := func(tr *hnode, header bool) {
		var r row
		r.header = header
		var stray []*hnode
		for _, k := range tr.kids {
			if k.tag == "td" || k.tag == "th" {
				r.cells = append(r.cells, k)
			} else if !isBlankText(k) {
				stray = append(stray, k)
			}
		}
		before = append(before, c.blocks(stray, depth)...)
		if len(r.cells) > 0 {
			rows = append(rows, r)
		}
	}
	for _, k := range n.kids {
		switch k.tag {
		case "thead", "tbody", "tfoot":
			var loose []*hnode
			for _, tr := range k.kids {
				switch tr.tag {
				case "tr":
					addRow(tr, k.tag == "thead")
				case "td", "th":
					loose = append(loose, tr)
				default:
					if !isBlankText(tr) {
						before = append(before, c.blocks([]*hnode{tr}, depth)...)
					}
				}
			}
			if len(loose) > 0 {
				addRow(&hnode{tag: "tr", kids: loose}, k.tag == "thead")
			}
		case "tr":
			addRow(k, false)
		case "td", "th":
			addRow(&hnode{tag: "tr", kids: []*hnode{k}}, false)
		case "caption":
			if t := c.textOf(k); len(t) > 0 {
				after = append(after, &Paragraph{Text: t})
			}
		case "colgroup", "#comment":
		default:
			if !isBlankText(k) {
				before = append(before, c.blocks([]*hnode{k}, depth)...)
			}
		}
	}
	out := before
	ncols, ncells := 0, 0
	for _, r := range rows {
		ncols = max(ncols, len(r.cells))
		ncells += len(r.cells)
	}
	if ncols == 0 {
		return append(out, after...)
	}
	if (len(rows)+1)*ncols > 8*ncells+1024 {
		for _, r := range rows {
			var in []Inline
			for i, cell := range r.cells {
				if i > 0 {
					in = append(in, &Text{Text: " "})
				}
				in = append(in, c.textOf(cell)...)
			}
			if p := paragraphKeep(in, true, c.keep); p != nil {
				out = append(out, p)
			}
		}
		return append(out, after...)
	}
	t := &Table{Align: make([]Align, ncols)}
	cellsOf := func(r row) []Cell {
		cells := make([]Cell, ncols)
		for i, cell := range r.cells {
			cells[i] = Cell{Text: c.textOf(cell)}
			if t.Align[i] == AlignNone {
				t.Align[i] = cellAlign(cell)
			}
		}
		return cells
	}
	first := 0
	if rows[0].header || allTH(rows[0].cells) {
		t.Header = cellsOf(rows[0])
		first = 1
	} else {
		t.Header = make([]Cell, ncols)
	}
	empty := true
	for _, r := range rows[first:] {
		cells := cellsOf(r)
		t.Rows = append(t.Rows, cells)
	}
	for _, row := range append([][]Cell{t.Header}, t.Rows...) {
		for _, cell := range row {
			if len(cell.Text) > 0 {
				empty = false
			}
		}
	}
	if !empty {
		out = append(out, t)
	}
	return append(out, after...)
}

func allTH(cells []*hnode) bool {
	for _, c := range cells {
		if c.tag != "th" {
			return false
		}
	}
	return len(cells) > 0
}

// cellAlign reads a cell's alignment from its align attribute or its
// style's text-align.
func cellAlign(n *hnode) Align {
	a := strings.ToLower(strings.TrimSpace(n.attr("align")))
	if a == "" {
		style := strings.ToLower(n.attr("style"))
		if i := strings.Index(style, "text-align"); i >= 0 {
			v := strings.TrimLeft(style[i+len("text-align"):], " :")
			if j := strings.IndexAny(v, "; !"); j >= 0 {
				v = v[:j]
			}
			a = v
		}
	}
	switch a {
	case "left", "start":
		return AlignLeft
	case "center", "middle":
		return AlignCenter
	case "right", "end":
		return AlignRight
	}
	return AlignNone
}

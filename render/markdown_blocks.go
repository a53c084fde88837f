package render

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/articlekit/article"
)

// block writes every block but a paragraph, and a figure outside a tight
// list item; alt picks a list's marker and first tells a block that it
// comes first in its container.
func (w *mdWriter) block(blk article.Block, alt int, first bool) {
	switch b := blk.(type) {
	case *article.Heading:
		w.heading(b)
	case *article.Rule:
		if first {
			// "- ***" would be fine, but "* ***" is itself a rule.
			w.line("___")
		} else {
			w.line("***")
		}
	case *article.Code:
		w.code(b)
	case *article.Quote:
		w.tmp = append(w.tmp[:0], "> "...)
		w.container(w.tmp, "> ", ">", b.Blocks)
	case *article.List:
		w.list(b, alt)
	case *article.Table:
		w.table(b)
	case *article.Figure:
		w.begin()
		w.buf = appendFigureHTML(w.buf, b)
		w.endLine()
	case *article.HTML:
		w.text(strings.TrimRight(b.Text, "\n"))
		w.endLine()
	case *article.Footnote:
		w.tmp = append(w.tmp[:0], "[^"...)
		w.tmp = append(w.tmp, b.Label...)
		w.tmp = append(w.tmp, "]: "...)
		w.container(w.tmp, "    ", "", b.Blocks)
	}
}

// container writes the blocks of a quote or a footnote behind the line
// prefixes first, rest and blank (see push); a container without lines is
// one empty line, which gets first without its trailing space.
func (w *mdWriter) container(first []byte, rest, blank string, blocks []article.Block) {
	w.push(first, rest, blank)
	n := w.lines
	w.blocks(blocks, false)
	if w.lines == n {
		w.endLine()
	}
	w.pop()
}

// paragraph writes inlines as the lines of a paragraph, none when they
// render as nothing.
func (w *mdWriter) paragraph(in []article.Inline) {
	if len(w.levels) == 0 {
		// No prefixes to write after the paragraph's newlines: the
		// inlines go straight into the output.
		if w.inlinesHere(in, ctxPara) > 0 {
			w.bol = false
			w.endLine()
		}
		return
	}
	w.in.reset(ctxPara)
	w.in.inlines(in, ' ')
	if len(w.in.b) > 0 {
		w.textBytes(w.in.b)
		w.endLine()
	}
}

// inlinesHere writes in, in ctx, at the end of w.buf as if they were
// rendered on their own, and returns the number of bytes written. The
// line must be begun, unless nothing is to be written before them.
func (w *mdWriter) inlinesHere(in []article.Inline, ctx context) int {
	// The inline writer writes into its own buffer: lend it w.buf.
	scratch := w.in.b
	w.in.reset(ctx)
	w.in.b, w.in.base = w.buf, len(w.buf)
	w.in.inlines(in, ' ')
	n := len(w.in.b) - w.in.base
	w.buf, w.in.b, w.in.base = w.in.b, scratch, 0
	return n
}

const hashes = "######"

func (w *mdWriter) heading(h *article.Heading) {
	w.begin()
	w.buf = append(w.buf, hashes[:clamp(h.Level, 1, 6)]...)
	w.buf = append(w.buf, ' ')
	if w.inlinesHere(h.Text, ctxHeading) == 0 {
		w.buf = w.buf[:len(w.buf)-1] // no text, no space
	} else if w.buf[len(w.buf)-1] == '#' {
		// A closing run of #s is not part of the text.
		w.buf[len(w.buf)-1] = '\\'
		w.buf = append(w.buf, '#')
	}
	w.endLine()
}

func clamp(n, lo, hi int) int {
	return max(lo, min(n, hi))
}

// code writes a fenced code block, its fence longer than any run of the
// fence character at the start of a line of the text.
func (w *mdWriter) code(c *article.Code) {
	text := strings.TrimSuffix(c.Text, "\n") // the lines, without the last one's end
	fenceChar := byte('`')
	if strings.IndexByte(c.Language, '`') >= 0 {
		fenceChar = '~' // a backtick fence's info string may not hold backticks
	}
	n := fenceLen(text, fenceChar)
	w.begin()
	w.fence(fenceChar, n)
	w.buf = appendInfo(w.buf, c.Language)
	w.endLine()
	if c.Text != "" {
		w.text(text)
		w.endLine()
	}
	w.begin()
	w.fence(fenceChar, n)
	w.endLine()
}

// fenceLen returns the length of a fence of c that no line of text, with
// its leading spaces, can close: 3, or one more than the longest run of c
// that starts a line.
func fenceLen(text string, c byte) int {
	n := 3
	// Only a run at the start of a line, after spaces, can close the
	// fence: look at each run of c, and back from it.
	for i := 0; ; {
		j := strings.IndexByte(text[i:], c)
		if j < 0 {
			return n
		}
		j += i
		k := j
		for k > 0 && text[k-1] == ' ' {
			k--
		}
		i = j
		for i < len(text) && text[i] == c {
			i++
		}
		if run := i - j; (k == 0 || text[k-1] == '\n') && run >= n {
			n = run + 1
		}
	}
}

func (w *mdWriter) fence(c byte, n int) {
	for range n {
		w.buf = append(w.buf, c)
	}
}

// appendInfo appends an info string, escaping what CommonMark would
// decode in it.
func appendInfo(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' || c == '&' && entityAt(s[i:]) > 0 {
			b = append(b, '\\')
		}
		b = append(b, c)
	}
	return b
}

const spaces = "                                "

// indent returns n spaces.
func indent(n int) string {
	if n <= len(spaces) {
		return spaces[:n]
	}
	return strings.Repeat(" ", n)
}

// list writes l's items, the markers of an unordered list '-' or, when
// alt is 1, '*'; ordered markers end in '.' or ')'.
func (w *mdWriter) list(l *article.List, alt int) {
	base := len(w.marks)
	for i, it := range l.Items {
		if i > 0 && l.Loose {
			w.endLine()
		}
		if l.Ordered {
			w.tmp = strconv.AppendInt(w.tmp[:0], int64(l.Start+i), 10)
			w.tmp = append(w.tmp, ".)"[alt])
		} else {
			w.tmp = append(w.tmp[:0], "-*"[alt])
		}
		w.tmp = append(w.tmp, ' ')
		w.push(w.tmp, indent(len(w.tmp)), "")
		n := w.lines
		if it.Task != nil {
			box := "[ ]"
			if *it.Task {
				box = "[x]"
			}
			w.begin()
			w.buf = append(w.buf, box...)
			if _, para := firstBlock(it.Blocks).(*article.Paragraph); para {
				w.buf = append(w.buf, ' ')
			} else {
				// The box is a paragraph's start: before a fence, a list or
				// anything else it stands on a line of its own.
				w.endLine()
			}
		}
		w.blocks(it.Blocks, !l.Loose)
		if !w.bol {
			w.endLine() // a box before a paragraph that wrote nothing
		}
		if w.lines == n {
			w.endLine() // an empty item is its marker alone
		}
		w.marks = append(w.marks, w.pop())
	}
	if !l.Ordered {
		// Nested empty lists ("- - -") would read as a thematic break;
		// + never forms one. An item's first line starts with its marker.
		plus := false
		for _, at := range w.marks[base:] {
			line := w.buf[at:]
			if i := bytes.IndexByte(line, '\n'); i >= 0 {
				line = line[:i]
			}
			plus = plus || isThematicBreak(line)
		}
		if plus {
			for _, at := range w.marks[base:] {
				w.buf[at] = '+'
			}
		}
	}
	w.marks = w.marks[:base]
}

// isThematicBreak reports a line of three or more of one of - * _ and
// nothing else but spaces and tabs.
func isThematicBreak(line []byte) bool {
	var c byte
	n := 0
	for _, b := range line {
		switch b {
		case ' ', '\t':
		case '-', '*', '_':
			if c != 0 && b != c {
				return false
			}
			c = b
			n++
		default:
			return false
		}
	}
	return n >= 3
}

func firstBlock(blocks []article.Block) article.Block {
	if len(blocks) == 0 {
		return nil
	}
	return blocks[0]
}

func (w *mdWriter) table(t *article.Table) {
	w.row(t.Header, len(t.Header))
	w.begin()
	w.buf = append(w.buf, '|')
	for i := range len(t.Header) {
		var a article.Align
		if i < len(t.Align) {
			a = t.Align[i]
		}
		switch a {
		case article.AlignLeft:
			w.buf = append(w.buf, " :-- |"...)
		case article.AlignCenter:
			w.buf = append(w.buf, " :-: |"...)
		case article.AlignRight:
			w.buf = append(w.buf, " --: |"...)
		default:
			w.buf = append(w.buf, " --- |"...)
		}
	}
	w.endLine()
	for _, r := range t.Rows {
		w.row(r, len(t.Header))
	}
}

// row writes a table row of cols cells, empty where cells has none.
func (w *mdWriter) row(cells []article.Cell, cols int) {
	w.begin()
	w.buf = append(w.buf, '|')
	for i := range cols {
		w.buf = append(w.buf, ' ')
		if i < len(cells) {
			w.inlinesHere(cells[i].Text, ctxCell)
		}
		w.buf = append(w.buf, " |"...)
	}
	w.endLine()
}

// figure writes a figure as Markdown inside the HTML elements that make
// it a figure, each on lines of its own between blank lines, so that a
// renderer that omits raw HTML (goldmark and Hugo by default) still shows
// the image and the caption; Parse reads the run back as one figure. In a
// tight list item, where blank lines would make the list loose, block
// writes it as one line of HTML.
func (w *mdWriter) figure(f *article.Figure) {
	w.line("<figure>")
	w.endLine()
	w.begin()
	w.image[0] = &f.Image
	in := w.image[:]
	if f.Link != "" {
		// The image as the text of a link, [![alt](src)](link), built
		// in the writer so that a figure costs no allocation.
		w.figLink = article.Link{Href: f.Link, Title: f.LinkTitle, Text: w.image[:]}
		w.linked[0] = &w.figLink
		in = w.linked[:]
	}
	w.inlinesHere(in, ctxPara)
	w.image[0], w.linked[0], w.figLink = nil, nil, article.Link{}
	w.endLine()
	w.endLine()
	if len(f.Caption) > 0 {
		w.line("<figcaption>")
		w.endLine()
		w.paragraph(f.Caption)
		w.endLine()
		w.line("</figcaption>")
	}
	w.line("</figure>")
}

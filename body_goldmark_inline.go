package article

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// rawHTMLParser is goldmark's inline raw HTML parser
// (parser.NewRawHTMLParser) with its open- and closing-tag regular
// expressions replaced by hand-written readers: goldmark ran them through
// an io.RuneReader over the paragraph (text.matchReader), about 4% of the
// pipeline on the corpus. Comments, processing instructions, declarations
// and CDATA use no regular expression and go to goldmark's own parser,
// which also keeps their failed-search caches in the parse context.
type rawHTMLParser struct {
	stock parser.InlineParser
}

func (p *rawHTMLParser) Trigger() []byte { return htmlTrigger }

func (p *rawHTMLParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 1 && util.IsAlphaNumeric(line[1]) {
		return parseInlineTag(block, false)
	}
	if len(line) > 2 && line[1] == '/' && util.IsAlphaNumeric(line[2]) {
		return parseInlineTag(block, true)
	}
	return p.stock.Parse(parent, block, pc)
}

// parseInlineTag reads an open or a closing tag at the reader's position
// into an ast.RawHTML with one segment per line it spans, as goldmark's
// parseMultiLineRegexp does, or returns nil.
func parseInlineTag(block text.Reader, closing bool) ast.Node {
	sline, sseg := block.Position()
	t := tagText{b: streamLine(block), r: block}
	var n int
	var ok bool
	if closing {
		n, ok = t.closeTag()
	} else {
		n, ok = t.openTag()
	}
	block.SetPosition(sline, sseg)
	if !ok {
		return nil
	}
	block.Advance(n)
	eline, eseg := block.Position()
	block.SetPosition(sline, sseg)
	node := ast.NewRawHTML()
	for {
		line, seg := block.PeekLine()
		if line == nil {
			break
		}
		l, _ := block.Position()
		start, stop := seg.Start, seg.Stop
		if l == sline {
			start = sseg.Start
		}
		if l == eline {
			stop = eseg.Start
		}
		node.Segments.Append(text.NewSegment(start, stop))
		if l == eline {
			block.Advance(stop - start)
			break
		}
		block.AdvanceLine()
	}
	return node
}

// openTag reads goldmark's open tag pattern,
//
//	^<[A-Za-z][A-Za-z0-9-]* attribute* (?:[ \t]|\r\n|\n)* /?>
//
// and returns its length.
func (t *tagText) openTag() (int, bool) {
	j := t.tagName(1)
	if j == 1 {
		return 0, false
	}
	j = t.tagSpaces(t.attributes(j))
	if c, ok := t.at(j); ok && c == '/' {
		j++
	}
	if c, ok := t.at(j); ok && c == '>' {
		return j + 1, true
	}
	return 0, false
}

// closeTag reads goldmark's closing tag pattern,
//
//	^</[A-Za-z][A-Za-z0-9-]* (?:[ \t]|\r\n|\n)* >
//
// and returns its length.
func (t *tagText) closeTag() (int, bool) {
	j := t.tagName(2)
	if j == 2 {
		return 0, false
	}
	j = t.tagSpaces(j)
	if c, ok := t.at(j); ok && c == '>' {
		return j + 1, true
	}
	return 0, false
}

// tagSpaces skips what goldmark's (?:[ \t]|(?:\r\n|\n){0,1})* matches:
// spaces, tabs and newlines, but a carriage return only before a newline.
func (t *tagText) tagSpaces(i int) int {
	for {
		c, ok := t.at(i)
		switch {
		case !ok:
			return i
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '\r':
			if c, ok := t.at(i + 1); ok && c == '\n' {
				i += 2
				continue
			}
			return i
		default:
			return i
		}
	}
}

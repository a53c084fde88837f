package article

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// htmlBlockParser is goldmark's HTML block parser (parser.NewHTMLBlockParser)
// without its regular expressions, which cost about 5% of the pipeline on
// the corpus: every line that starts with '<' ran up to seven of them. It
// finds the same blocks, quirks included (see htmlBlockStart), and builds
// the same ast.HTMLBlock, so the AST does not change; the differential test
// in body_goldmark_test.go holds it to that.
type htmlBlockParser struct{}

var htmlTrigger = []byte{'<'}

func (htmlBlockParser) Trigger() []byte { return htmlTrigger }

func (htmlBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	typ, ok := htmlBlockStart(line, ast.IsParagraph(pc.LastOpenedBlock().Node))
	if !ok {
		return nil, parser.NoChildren
	}
	node := ast.NewHTMLBlock(typ)
	reader.AdvanceToEOL()
	node.Lines().Append(segment)
	return node, parser.NoChildren
}

func (htmlBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	block := node.(*ast.HTMLBlock)
	lines := block.Lines()
	line, segment := reader.PeekLine()
	var closer []byte
	switch block.HTMLBlockType {
	case ast.HTMLBlockType1:
		if first := lines.At(0); lines.Len() == 1 && hasType1Close(first.Value(reader.Source())) {
			return parser.Close
		}
		if hasType1Close(line) {
			block.ClosureLine = segment
			reader.AdvanceToEOL()
			return parser.Close
		}
	case ast.HTMLBlockType2:
		closer = closeComment
	case ast.HTMLBlockType3:
		closer = closePI
	case ast.HTMLBlockType4:
		closer = closeDecl
	case ast.HTMLBlockType5:
		closer = closeCDATA
	case ast.HTMLBlockType6, ast.HTMLBlockType7:
		if util.IsBlank(line) {
			return parser.Close
		}
	}
	if closer != nil {
		if first := lines.At(0); lines.Len() == 1 && bytes.Contains(first.Value(reader.Source()), closer) {
			return parser.Close
		}
		if bytes.Contains(line, closer) {
			block.ClosureLine = segment
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	lines.Append(segment)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (htmlBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (htmlBlockParser) CanInterruptParagraph() bool { return true }

func (htmlBlockParser) CanAcceptIndentedLine() bool { return false }

var (
	closeComment = []byte("-->")
	closePI      = []byte("?>")
	closeDecl    = []byte(">")
	closeCDATA   = []byte("]]>")
)

// htmlBlockStart reports which kind of HTML block line starts, in the order
// and with the patterns of goldmark v1.8.7, which differ from CommonMark
// 0.31 in places: a declaration needs an upper-case letter (<!DOCTYPE, not
// <!doctype); type 1 names match case-insensitively as Go's (?i) does, so
// U+017F ſ matches s; type 6 and 7 tag names may be followed only by a
// space, not a tab; a closing tag counts as a closing tag for the type-7
// rule only when no space follows its slash.
func htmlBlockStart(line []byte, afterParagraph bool) (ast.HTMLBlockType, bool) {
	i := 0
	for i < 3 && i < len(line) && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '<' {
		return 0, false
	}
	tag := line[i:]
	rest := tag[1:]
	if n := type1Name(rest); n > 0 && type1NameEnds(rest[n:]) {
		return ast.HTMLBlockType1, true
	}
	switch {
	case bytes.HasPrefix(rest, []byte("!--")):
		return ast.HTMLBlockType2, true
	case len(rest) > 0 && rest[0] == '?':
		return ast.HTMLBlockType3, true
	case len(rest) > 1 && rest[0] == '!' && rest[1] >= 'A' && rest[1] <= 'Z':
		return ast.HTMLBlockType4, true
	case bytes.HasPrefix(rest, []byte("![CDATA[")):
		return ast.HTMLBlockType5, true
	}
	if name, closing, attrs, ok := type7Tag(tag); ok {
		if isBlockTagName(name) {
			return ast.HTMLBlockType6, true
		}
		if !afterParagraph && !(closing && attrs) && !isRawTextName(name) {
			return ast.HTMLBlockType7, true
		}
	}
	if name, ok := type6Tag(tag); ok && isBlockTagName(name) {
		return ast.HTMLBlockType6, true
	}
	return 0, false
}

// type1NameEnds reports whether what follows a type-1 tag name lets it
// open the block: a white-space character (\s: \t \n \f \r or space), '>',
// "/>" or the end of the line.
func type1NameEnds(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	switch b[0] {
	case ' ', '\t', '\n', '\f', '\r', '>':
		return true
	case '/':
		return len(b) > 1 && b[1] == '>'
	}
	return false
}

// type6Tag reads goldmark's type-6 pattern from the '<' that starts tag:
// an opening or closing tag name followed by a space, '>', "/>" or the end
// of the line, whatever comes after.
func type6Tag(tag []byte) (name []byte, ok bool) {
	j := 1
	if j < len(tag) && tag[j] == '/' {
		j = skipSpaces(tag, j+1)
	}
	t := tagText{b: tag}
	end := t.tagName(j)
	if end == j {
		return nil, false
	}
	name, rest := tag[j:end], tag[end:]
	if len(rest) == 0 || rest[0] == ' ' || rest[0] == '>' || rest[0] == '/' && len(rest) > 1 && rest[1] == '>' {
		return name, true
	}
	return name, isLineEnd(rest)
}

// type7Tag reads goldmark's type-7 pattern from the '<' that starts tag: a
// complete opening or closing tag, attributes allowed on both, then only
// spaces to the end of the line. closing is true when the slash is not
// followed by spaces; attrs when there is at least one attribute.
func type7Tag(tag []byte) (name []byte, closing, attrs, ok bool) {
	j := 1
	if j < len(tag) && tag[j] == '/' {
		k := skipSpaces(tag, j+1)
		closing = k == j+1
		j = k
	}
	t := tagText{b: tag}
	end := t.tagName(j)
	if end == j {
		return nil, false, false, false
	}
	name = tag[j:end]
	a := t.attributes(end)
	attrs = a > end
	k := skipSpaces(tag, a)
	switch {
	case k < len(tag) && tag[k] == '>':
		k++
	case k+1 < len(tag) && tag[k] == '/' && tag[k+1] == '>':
		k += 2
	default:
		return nil, false, false, false
	}
	return name, closing, attrs, isLineEnd(tag[skipSpaces(tag, k):])
}

func skipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}

// isLineEnd reports whether b is what (?:\r\n|\n)?$ matches.
func isLineEnd(b []byte) bool {
	return len(b) == 0 || len(b) == 1 && b[0] == '\n' || len(b) == 2 && b[0] == '\r' && b[1] == '\n'
}

package article

import (
	"bytes"
	"math"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Most paragraphs that are not plain (body_goldmark_plain.go) hold only a
// few emphases, code spans and inline links. For them goldmark's inline
// pass costs more than the rest of the paragraph's reading: it calls
// linkify at every space, allocates a node for every delimiter and link
// bracket, and reads through a block reader. A simple paragraph is read
// by one scan (scanSimple) that follows goldmark's inline loop step by
// step for that subset — where it splits text, how it opens and closes
// emphasis (ScanDelimiter, ProcessDelimiters) and links — and declines
// the paragraph, leaving it to goldmark, at anything outside it:
// backslashes, raw HTML and autolinks, strikethrough, footnotes, task
// boxes, URLs and e-mail addresses linkify would take, reference links,
// nested brackets, multi-line code spans and links, delimiter runs
// longer than two, and any delimiter goldmark would leave as text.
// Within the subset the tokens give goldmark's AST (build, checked by
// TestPlainParagraphAST and FuzzPlainParagraph node by node) and the
// body reader converts them without it (simpleInlines).

// A simpleParagraph is an ast.Paragraph whose inlines scanSimple read.
type simpleParagraph struct {
	ast.Paragraph
	toks []inlineTok
}

// IsRaw tells goldmark not to parse the paragraph's inlines.
func (*simpleParagraph) IsRaw() bool { return true }

type inlineKind uint8

const (
	tokText      inlineKind = iota // a text node
	tokCode                        // a code span: seg is its content
	tokDelim                       // an emphasis delimiter run, unmatched yet
	tokEmphOpen                    // the opening run of a matched emphasis
	tokEmphClose                   // its closing run
	tokLabel                       // a '[' or '![' not closed yet
	tokLinkOpen                    // a label closed as a link or image
	tokLinkClose                   // its ']' and target
)

// An inlineTok is one inline of a simple paragraph, in source order.
// Matched emphases and links are pairs of tokens around their content.
// Offsets are 32 bits (scanSimple declines longer bodies) to keep tokens
// small: a paragraph's stay with it until the body reader reads them.
type inlineTok struct {
	// start and stop bound the text or the code span's text; on a
	// tokLinkOpen the link's destination (empty for "()"), and on a
	// tokLinkClose its title.
	start, stop int32
	pos         int32 // offset of the node in the source
	kind        inlineKind
	char        byte  // '*' or '_' for delimiter runs; '!' opens an image
	n           uint8 // run length of a delimiter run, the emphasis level once matched
	// canOpen and canClose say what a delimiter run can do; on a
	// tokLinkClose, canOpen says there is a title.
	canOpen, canClose bool
	soft, hard        bool // the line break after a text
}

// seg returns the token's segment of the source.
func (t *inlineTok) seg() text.Segment { return text.NewSegment(int(t.start), int(t.stop)) }

// piece returns a text's (or code span's) textPiece.
func (t *inlineTok) piece() textPiece {
	return textPiece{seg: t.seg(), raw: t.kind == tokCode, soft: t.soft, hard: t.hard}
}

// maxSimpleDepth bounds the nesting scanSimple takes.
const maxSimpleDepth = 8

// simpleScan is the state of scanSimple over one paragraph.
type simpleScan struct {
	src    []byte
	toks   []inlineTok
	delims []int // indices into toks of the delimiter runs still open
	label  int   // index of the open label, or -1
	bottom int   // len(delims) when the label opened
}

// A tokSlab serves the simple paragraphs of one parse: scanSimple reads
// each paragraph's tokens into the free end of a shared chunk and keeps
// them there when it takes the paragraph, so that a paragraph costs no
// allocation of its own.
type tokSlab struct {
	scan  simpleScan
	chunk []inlineTok
}

// tokSlabKey keeps a parse's tokSlab in its parser.Context.
var tokSlabKey = parser.NewContextKey()

// slabOf returns the tokSlab of the parse pc belongs to.
func slabOf(pc parser.Context) *tokSlab {
	if v, ok := pc.Get(tokSlabKey).(*tokSlab); ok {
		return v
	}
	v := &tokSlab{}
	pc.Set(tokSlabKey, v)
	return v
}

// free returns the empty slice a paragraph's tokens are appended to: the
// free end of the chunk, or of a new one when little is left. (A
// paragraph that outgrows it moves to an array of its own, which append
// makes.)
func (t *tokSlab) free() []inlineTok {
	if cap(t.chunk)-len(t.chunk) < 16 {
		// The first chunk is sized for the body (the corpus's simple
		// paragraphs make about 7 tokens per KB of body), later ones
		// double.
		size := len(t.scan.src) / 256
		if cap(t.chunk) > 0 {
			size = 2 * cap(t.chunk)
		}
		t.chunk = make([]inlineTok, 0, min(max(size, 32), 1024))
	}
	return t.chunk[len(t.chunk):len(t.chunk)]
}

// keep takes toks, appended to free(), for a paragraph, and returns them.
func (t *tokSlab) keep(toks []inlineTok) []inlineTok {
	n := len(t.chunk)
	if cap(toks) == cap(t.chunk)-n && &t.chunk[:n+1][n] == &toks[0] {
		t.chunk = t.chunk[:n+len(toks)] // still in the chunk
	} else {
		t.chunk = toks // append moved them: go on in their array
	}
	return toks[:len(toks):len(toks)]
}

// scanSimple reads the inlines of a paragraph whose lines are already
// trimmed as paragraphParser.Close trims them, and reports whether the
// paragraph is simple. inItem says the paragraph is in a list item, where
// a leading '[' may be a task box. The tokens are kept in slab.
func scanSimple(slab *tokSlab, src []byte, lines *text.Segments, inItem bool) ([]inlineTok, bool) {
	if len(src) > math.MaxInt32 {
		return nil, false // offsets are kept in 32 bits
	}
	s := &slab.scan
	*s = simpleScan{src: src, label: -1, delims: s.delims[:0]}
	s.toks = slab.free()
	for i := range lines.Len() {
		seg := lines.At(i)
		if seg.Padding != 0 {
			return nil, false
		}
		if i == 0 && inItem && isTaskBox(seg.Value(src)) {
			return nil, false
		}
		if !s.line(seg, i == 0) {
			return nil, false
		}
	}
	if s.label >= 0 || !s.emphasis(0) {
		return nil, false
	}
	s.clearDelimiters()
	if len(s.toks) == 0 {
		return nil, false
	}
	if depth := s.depth(); depth > maxSimpleDepth {
		return nil, false
	}
	return slab.keep(s.toks), true
}

// isTaskBox reports whether line starts with what taskCheckBoxParser
// takes for a check box.
func isTaskBox(line []byte) bool {
	return len(line) >= 3 && line[0] == '[' && line[2] == ']' &&
		(line[1] == 'x' || line[1] == 'X' || isRegexpSpace(line[1]))
}

// inertBytes marks the bytes line passes over: neither triggers nor stop
// bytes, nor the ':' and 'w' a URL may start at.
var inertBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = !simpleStop[c] && !isTrigger(byte(c)) && c != ':' && c != 'w' && c != 'W'
	}
	return t
}()

// skipInert returns the offset of the first byte at or after k, before
// end, that is not inert.
func skipInert(src []byte, k, end int) int {
	for k < end {
		c := src[k]
		if c >= 0x80 && multibyte8(src[:end], k) {
			k += 8 // as in isPlain
			continue
		}
		if !inertBytes[c] {
			return k
		}
		k++
	}
	return end
}

// simpleStop marks the bytes that end a simple paragraph's scan at once.
var simpleStop = func() (t [256]bool) {
	for _, c := range []byte("\\<~@\r\x00") {
		t[c] = true
	}
	return t
}()

// line reads one line as goldmark's parseBlock does.
func (s *simpleScan) line(seg text.Segment, first bool) bool {
	src := s.src
	end := seg.Stop
	var soft, hard bool
	if end > seg.Start && src[end-1] == '\n' {
		if end-seg.Start >= 3 && src[end-3] == ' ' && src[end-2] == ' ' {
			end -= 3
			hard = true
		} else {
			end--
			soft = true
		}
	}
	start := seg.Start // where the text so far began
	lineStart := seg.Start
	for k := seg.Start; k < end; {
		if k != lineStart {
			k = skipInert(src, k, end)
			if k == end {
				break
			}
		}
		c := src[k]
		if simpleStop[c] {
			return false
		}
		if urlAt(src[:end], k) {
			return false // a URL linkify may take
		}
		atStart := k == lineStart
		if !isTrigger(c) && !atStart {
			k++
			continue
		}
		if !atStart { // every trigger but the line's first ends the text so far
			s.mergeText(start, k)
			start = k
		}
		next, ok := s.node(c, k, end, seg, first)
		if !ok {
			return false
		}
		if next < 0 {
			k++ // no node: the byte stays in the text
			continue
		}
		// A node: goldmark reads the rest of the line afresh.
		k, start, lineStart = next, next, next
	}
	if start == seg.Stop {
		return true // a node ended the line: goldmark reads on from the next
	}
	t := text.NewSegment(start, end)
	t = t.TrimRightSpace(src)
	s.toks = append(s.toks, inlineTok{kind: tokText, start: int32(t.Start), stop: int32(t.Stop), soft: soft, hard: hard})
	return true
}

// isTrigger reports whether goldmark calls an inline parser at c (in a
// simple paragraph, whose stop bytes never get here).
func isTrigger(c byte) bool {
	switch c {
	case ' ', '\t', '(', '!', '*', '_', '`', '[', ']':
		return true
	}
	return false
}

// mergeText adds src[start:stop] to the tokens as MergeOrAppendTextSegment
// adds it to goldmark's paragraph.
func (s *simpleScan) mergeText(start, stop int) {
	if n := len(s.toks); n > 0 {
		if t := &s.toks[n-1]; t.kind == tokText && int(t.stop) == start && !t.soft {
			t.stop = int32(stop)
			return
		}
	}
	s.toks = append(s.toks, inlineTok{kind: tokText, start: int32(start), stop: int32(stop)})
}

// node reads the node an inline parser makes at src[k] (a trigger), and
// returns the offset after it, or -1 when the parsers make none. It
// reports false where the paragraph is not simple.
func (s *simpleScan) node(c byte, k, end int, seg text.Segment, first bool) (int, bool) {
	src := s.src
	switch c {
	case '`':
		j := k
		for j < end && src[j] == '`' {
			j++
		}
		open := j - k
		for i := j; i < end; {
			if src[i] != '`' {
				i++
				continue
			}
			m := i
			for m < end && src[m] == '`' {
				m++
			}
			if m-i == open {
				content := text.NewSegment(j, i)
				if content.IsEmpty() || util.IsBlank(content.Value(src)) {
					return 0, false
				}
				if isSpaceOrNewline(src[j]) && isSpaceOrNewline(src[i-1]) {
					content = text.NewSegment(j+1, i-1)
				}
				s.toks = append(s.toks, inlineTok{kind: tokCode, start: int32(content.Start), stop: int32(content.Stop), pos: int32(k)})
				return m, true
			}
			i = m
		}
		return 0, false // no closer on this line
	case '*', '_':
		j := k
		for j < end && src[j] == c {
			j++
		}
		if j-k > 2 {
			return 0, false
		}
		before := rune('\n')
		if !(first && k == seg.Start) {
			before = runeBefore(src, k)
		}
		after := rune(' ')
		if j < seg.Stop {
			after, _ = utf8.DecodeRune(src[j:seg.Stop])
		}
		open, close := flanking(c, before, after)
		s.delims = append(s.delims, len(s.toks))
		s.toks = append(s.toks, inlineTok{kind: tokDelim, char: c, n: uint8(j - k), canOpen: open, canClose: close, pos: int32(k)})
		return j, true
	case '!':
		if k+1 < end && src[k+1] == '[' {
			return s.openLabel(k, k+1, true)
		}
		return -1, true
	case '[':
		return s.openLabel(k, k, false)
	case ']':
		if s.label < 0 {
			return -1, true
		}
		return s.closeLabel(k, end)
	}
	return -1, true // ' ', '\t', '(': linkify, which finds no URL here
}

// openLabel opens a link label at src[at] ('[', after '!' for an image).
func (s *simpleScan) openLabel(k, at int, image bool) (int, bool) {
	if s.label >= 0 || at+1 < len(s.src) && s.src[at+1] == '^' {
		return 0, false // a link in a link, or a footnote
	}
	s.label, s.bottom = len(s.toks), len(s.delims)
	t := inlineTok{kind: tokLabel, pos: int32(k)}
	if image {
		t.char = '!'
	}
	s.toks = append(s.toks, t)
	return at + 1, true
}

// closeLabel closes the open label at the ']' at src[k] with the inline
// link target after it, and returns the offset after the target.
func (s *simpleScan) closeLabel(k, end int) (int, bool) {
	src := s.src
	l := &s.toks[s.label]
	if k-int(l.pos) > 998 || k+1 >= end || src[k+1] != '(' {
		return 0, false // a reference link, or text goldmark would check
	}
	i := skipBlank(src, k+2, end)
	var dest, title text.Segment
	hasTitle := false
	if i < end && src[i] != ')' {
		j, depth := i, 0
		for ; j < end; j++ {
			c := src[j]
			if c == '(' {
				depth++
			} else if c == ')' {
				if depth--; depth < 0 {
					break
				}
			} else if util.IsSpace(c) || c == '<' || c == '\\' || c == 0 {
				break
			}
		}
		if j == i || j < end && src[j] == '<' {
			return 0, false
		}
		dest = text.NewSegment(i, j)
		i = skipBlank(src, j, end)
		if i < end && src[i] != ')' {
			q := src[i]
			if q != '"' && q != '\'' {
				return 0, false
			}
			close := bytes.IndexByte(src[i+1:end], q)
			if close < 0 {
				return 0, false
			}
			title = text.NewSegment(i+1, i+1+close)
			if bytes.IndexByte(title.Value(src), '\\') >= 0 {
				return 0, false
			}
			hasTitle = true
			i = skipBlank(src, i+2+close, end)
		}
	}
	if i >= end || src[i] != ')' {
		return 0, false
	}
	if !s.emphasis(s.bottom) || len(s.delims) > s.bottom {
		return 0, false
	}
	l = &s.toks[s.label]
	l.kind, l.start, l.stop = tokLinkOpen, int32(dest.Start), int32(dest.Stop)
	s.toks = append(s.toks, inlineTok{kind: tokLinkClose, start: int32(title.Start), stop: int32(title.Stop), canOpen: hasTitle, pos: int32(k)})
	s.label = -1
	return i + 1, true
}

// skipBlank returns the offset of the first byte at or after i that is
// not a space or tab.
func skipBlank(src []byte, i, end int) int {
	for i < end && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// depth returns how deep the tokens' emphases and links nest.
func (s *simpleScan) depth() int {
	d, most := 0, 0
	for _, t := range s.toks {
		switch t.kind {
		case tokEmphOpen, tokLinkOpen:
			d++
			most = max(most, d)
		case tokEmphClose, tokLinkClose:
			d--
		}
	}
	return most
}

// isSpaceOrNewline is the test goldmark's code span parser trims with.
func isSpaceOrNewline(c byte) bool { return c == ' ' || c == '\n' }

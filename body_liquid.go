package article

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Liquid blocks in Markdown bodies (Jekyll).
//
// Liquid is a template language, not Markdown: goldmark reads a block
// such as
//
//	{% highlight ruby %}
//	def x
//	  1
//	end
//	{% endhighlight %}
//
// as one paragraph, whose soft line breaks become spaces, so the code
// comes out as "{% highlight ruby %} def x 1 end {% endhighlight %}", and
// a blank line inside the block splits it into several paragraphs, or
// makes headings and lists of its lines. Two rules keep such blocks whole.
//
// A {% highlight LANG [options] %} … {% endhighlight %} block, standing on
// lines of its own outside code, is a code block: before goldmark reads
// the body, its two tag lines are rewritten into the fence lines of a
// fenced code block with info string LANG, padded with spaces to their
// original length so that every offset, and so every position, stays
// where it was. The options (linenos, mark_lines="1 4") are dropped: the
// Article has no place for them, and render.Markdown writes the block as
// an ordinary fenced code block, which reads back as the same Code. The
// {%- and -%} whitespace-control forms are accepted.
//
// Any other Liquid block that goldmark reads as one paragraph of two or
// more lines — a first line that is only a block tag {% name … %}, a last
// line that is only its {% endname %} — such as {% raw %} … {% endraw %}
// or {% capture %} … {% endcapture %}, is a *Code block with Language
// "liquid" holding the paragraph's lines byte for byte. It is not an
// *HTML block, although render.Markdown writes those verbatim too: an HTML
// block holds only sanitized markup (no script, no event handler, no
// javascript: URL), and a Liquid block may hold any of those as text, so
// it could be kept as HTML only by changing it. A code block keeps every
// byte, is inert in every renderer, and is written as a fence that reads
// back as the same Code. What is lost is Markdown's reading of the lines
// between the tags, which a Liquid block has only once Liquid has run. A
// block with blank lines inside is several goldmark blocks and is left
// to them: its tags stay text, each in the paragraph it falls in.

var (
	highlightOpenRE  = regexp.MustCompile(`^([ \t>]*)\{%-?[ \t]*highlight[ \t]+([^\s%]+)(?:[ \t][^%]*)?-?%\}[ \t]*$`)
	highlightCloseRE = regexp.MustCompile(`^([ \t>]*)\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*$`)
	liquidOpenRE     = regexp.MustCompile(`^\{%-?[ \t]*([A-Za-z_][A-Za-z0-9_]*)(?:[ \t][^\n]*)?%\}$`)
	liquidCloseRE    = regexp.MustCompile(`^\{%-?[ \t]*end([A-Za-z_][A-Za-z0-9_]*)[ \t]*-?%\}$`)
)

// fenceHighlights rewrites each {% highlight %} block of src that is not
// inside code into a fenced code block of the same length; see above.
// It reads src with goldmark first to know which lines are code.
func fenceHighlights(src []byte) []byte {
	// "{%" first: '{' is rare in prose, where the 'e' that a search for
	// "endhighlight" starts from is everywhere.
	if i := bytes.Index(src, []byte("{%")); i < 0 || !bytes.Contains(src[i:], []byte("endhighlight")) {
		return src
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	starts := make([]int, len(lines))
	off := 0
	for i, l := range lines {
		starts[i] = off
		off += len(l)
	}
	var inCode []bool // lazily computed: the lines that are in code
	out := src
	copied := false
	for i := 0; i < len(lines); i++ {
		if !bytes.Contains(lines[i], []byte("{%")) {
			continue // no tag: spare the line the regexp
		}
		open := highlightOpenRE.FindSubmatch(bytes.TrimSuffix(lines[i], []byte("\n")))
		if open == nil {
			continue
		}
		if inCode == nil {
			inCode = codeLines(src, starts)
		}
		if inCode[i] {
			continue
		}
		j := i + 1
		for j < len(lines) && !(bytes.Contains(lines[j], []byte("{%")) && highlightCloseRE.Match(bytes.TrimSuffix(lines[j], []byte("\n")))) {
			j++
		}
		if j == len(lines) {
			break // unclosed: left as text
		}
		lang := open[2]
		fenceChar := byte('`')
		if bytes.IndexByte(lang, '`') >= 0 {
			fenceChar = '~'
		}
		n := 3
		for _, l := range lines[i+1 : j] {
			l = bytes.TrimLeft(l, " \t>")
			run := len(l) - len(bytes.TrimLeft(l, string(fenceChar)))
			n = max(n, run+1)
		}
		fence := bytes.Repeat([]byte{fenceChar}, n)
		openLine := append(append(append([]byte{}, open[1]...), fence...), lang...)
		closeM := highlightCloseRE.FindSubmatch(bytes.TrimSuffix(lines[j], []byte("\n")))
		closeLine := append(append([]byte{}, closeM[1]...), fence...)
		if !copied {
			out = append([]byte(nil), src...)
			copied = true
		}
		if !replaceLine(out, starts[i], lines[i], openLine) || !replaceLine(out, starts[j], lines[j], closeLine) {
			// The fence is longer than the tag (the code holds a run of
			// more than a dozen backticks): leave the block as text
			// rather than move every offset after it.
			copy(out[starts[i]:], lines[i])
			continue
		}
		i = j
	}
	return out
}

// replaceLine writes repl over the line at off of buf (old is its text,
// with its newline), padded with spaces; false if repl does not fit.
func replaceLine(buf []byte, off int, old, repl []byte) bool {
	n := len(bytes.TrimSuffix(old, []byte("\n")))
	if len(repl) > n {
		return false
	}
	copy(buf[off:], repl)
	for k := off + len(repl); k < off+n; k++ {
		buf[k] = ' '
	}
	return true
}

// codeLines reports, for each line (starting at the given offsets), whether
// goldmark reads it as part of a code block or an HTML block.
func codeLines(src []byte, starts []int) []bool {
	return codeLinesOf(parseGoldmarkBlocks(src), starts)
}

// codeLinesOf is codeLines given the parsed body.
func codeLinesOf(doc ast.Node, starts []int) []bool {
	in := make([]bool, len(starts))
	mark := func(segs *text.Segments) {
		for k := range segs.Len() {
			s := segs.At(k)
			i := lineOf(starts, s.Start)
			if i >= 0 {
				in[i] = true
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			mark(n.Lines())
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			mark(n.Lines())
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return in
}

// lineOf returns the index of the line holding offset off.
func lineOf(starts []int, off int) int {
	lo, hi := 0, len(starts)
	for lo < hi {
		m := (lo + hi) / 2
		if starts[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// liquidBlock returns the Code block for a paragraph that is a whole
// multi-line Liquid block, or nil; see above.
func (c *mdConverter) liquidBlock(n ast.Node) Block {
	lines := n.Lines()
	if lines.Len() < 2 {
		return nil
	}
	firstSeg, lastSeg := lines.At(0), lines.At(lines.Len()-1)
	first := bytes.TrimRight(firstSeg.Value(c.src), " \t\n")
	last := bytes.TrimRight(lastSeg.Value(c.src), " \t\n")
	if !bytes.HasPrefix(first, []byte("{%")) || !bytes.HasPrefix(last, []byte("{%")) {
		return nil // what both regexps require first: spares prose the regexps
	}
	open := liquidOpenRE.FindSubmatch(first)
	close := liquidCloseRE.FindSubmatch(last)
	if open == nil || close == nil || bytes.HasPrefix(open[1], []byte("end")) || !bytes.Equal(open[1], close[1]) {
		return nil
	}
	// goldmark strips each line's indentation; put back what lies right
	// of the first line's column, so that the lines keep theirs.
	col := func(seg text.Segment) (start, col int) {
		ls := bytes.LastIndexByte(c.src[:seg.Start], '\n') + 1
		return ls, seg.Start - ls
	}
	_, c0 := col(firstSeg)
	var b bytes.Buffer
	for i := range lines.Len() {
		seg := lines.At(i)
		ls, _ := col(seg)
		start := seg.Start
		for start > ls && start-ls > c0 && (c.src[start-1] == ' ' || c.src[start-1] == '\t') {
			start--
		}
		b.Write(c.src[start:seg.Stop])
	}
	if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteByte('\n')
	}
	return &Code{Language: "liquid", Text: b.String()}
}

package article

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark keeps the "*", "_" and "~" runs of an inline block (a
// paragraph, a heading, a table cell) on one delimiter list, and each run
// that can close searches back through every run before it (it keeps no
// bottom per kind, as CommonMark's reference implementation does): a
// paragraph of runs that never match, "*a_" repeated, costs time
// quadratic in its runs (87 KB took 9 seconds).
//
// delimiterLimit wraps goldmark's emphasis and strikethrough parsers and
// counts the runs each block pushes to the list. A block may always push
// emphRunCap runs, and more while the square of its count fits in what is
// left of a budget for the document, which no real document comes near;
// each block is charged the square of its count when it closes. Past that, a run is
// text, as a run that matches nothing is: its characters stay, and only
// the emphasis it would have made is lost. The work is then at most the
// budget plus emphRunCap² per block: linear.

// emphRunCap is the number of runs an inline block may always push.
const emphRunCap = 256

// emphBudget is the sum of the blocks' squared run counts left to goldmark
// before a block of more than emphRunCap runs is cut short: one block of
// 2 048 runs, a few milliseconds of its time.
const emphBudget = 2048 * 2048

// delimiterLimit is goldmark's emphasis (or strikethrough) parser behind
// the count.
type delimiterLimit struct {
	stock parser.InlineParser
	tilde bool // strikethrough, whose runs of three or more are no delimiters
}

func (p delimiterLimit) Trigger() []byte { return p.stock.Trigger() }

func (p delimiterLimit) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) == 0 {
		return p.stock.Parse(parent, block, pc)
	}
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if p.tilde && n > 2 {
		return p.stock.Parse(parent, block, pc) // which declines it
	}
	c := delimCountOf(pc)
	if c.runs >= emphRunCap && (c.runs+1)*(c.runs+1) > c.budget {
		// No node: goldmark reads the character as text.
		c.cut++
		return nil
	}
	c.runs++
	return p.stock.Parse(parent, block, pc)
}

// CloseBlock charges the block's runs to the budget (once: both parsers
// are called).
func (p delimiterLimit) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	c := delimCountOf(pc)
	c.budget -= c.runs * c.runs
	c.most = max(c.most, c.runs)
	c.runs = 0
}

// A delimCount is the count of one parse: the runs the open block pushed
// and what is left of the budget; and, for the tests, the most runs a
// block pushed and the runs read as text.
type delimCount struct {
	runs, budget int
	most, cut    int
}

var delimCountKey = parser.NewContextKey()

// delimCountOf returns the delimCount of the parse pc belongs to.
func delimCountOf(pc parser.Context) *delimCount {
	if v, ok := pc.Get(delimCountKey).(*delimCount); ok {
		return v
	}
	v := &delimCount{budget: emphBudget}
	pc.Set(delimCountKey, v)
	return v
}

// strikethroughExtension is goldmark's extension.Strikethrough with its
// parser behind the count, at goldmark's priorities.
type strikethroughExtension struct{}

func (strikethroughExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(delimiterLimit{stock: extension.NewStrikethroughParser(), tilde: true}, 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
	))
}

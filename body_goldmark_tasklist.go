package article

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// taskListExtension is goldmark's extension.TaskList with the check box
// read by hand instead of by its regular expression ^\[([\sxX])\]\s*; the
// parser and the HTML renderer keep goldmark's priorities (0 and 500).
type taskListExtension struct{}

func (taskListExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(taskCheckBoxParser{}, 0)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewTaskCheckBoxHTMLRenderer(), 500),
	))
}

// taskCheckBoxParser reads "[ ]", "[x]" or "[X]" (any \s inside the
// brackets) and the white space after it at the start of a list item's
// first paragraph, into an east.TaskCheckBox.
type taskCheckBoxParser struct{}

var taskCheckBoxTrigger = []byte{'['}

func (taskCheckBoxParser) Trigger() []byte { return taskCheckBoxTrigger }

func (taskCheckBoxParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	item := parent.Parent()
	if item == nil || item.FirstChild() != parent || parent.HasChildren() {
		return nil
	}
	if _, ok := item.(*ast.ListItem); !ok {
		return nil
	}
	line, _ := block.PeekLine()
	if !isTaskBox(line) {
		return nil
	}
	mark := line[1]
	n := 3
	for n < len(line) && isRegexpSpace(line[n]) {
		n++
	}
	block.Advance(n)
	return east.NewTaskCheckBox(mark == 'x' || mark == 'X')
}

// isRegexpSpace is Go regexp's \s: \t \n \f \r and space (not \v).
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

package article

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// markdown is the goldmark configuration: CommonMark and the GFM
// extensions. goldmark parsers are safe for concurrent use.
var markdown = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.Linkify,
	extension.TaskList, extension.Footnote,
))

// parseGoldmark parses a Markdown body into goldmark's AST.
func parseGoldmark(src []byte) ast.Node {
	return markdown.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
}

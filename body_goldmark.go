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

// goldmarkExtensions are CommonMark's companions we read: the GFM
// extensions and footnotes, as goldmark provides them.
var goldmarkExtensions = []goldmark.Extender{
	extension.Table, extension.Strikethrough, extension.Linkify,
	extension.TaskList, extension.Footnote,
}

// markdown is the goldmark configuration: CommonMark and
// goldmarkExtensions, with goldmark's HTML block, raw HTML, linkify and
// task check box parsers swapped for ours (body_goldmark_block.go,
// body_goldmark_inline.go, body_goldmark_linkify.go,
// body_goldmark_tasklist.go), which build the same AST without regular
// expressions, and its emphasis and strikethrough parsers behind a count
// that keeps them linear (body_emphscan.go). goldmark parsers are safe
// for concurrent use.
var markdown = goldmark.New(
	goldmark.WithParser(newGoldmarkParser(false)),
	goldmark.WithExtensions(ourExtensions(false)...),
)

// fastMarkdown is markdown with the plain-paragraph transformer
// (body_goldmark_plain.go), which spares goldmark's inline pass over
// paragraphs that can only be text, and the same for ATX headings and
// table cells (body_goldmark_preread.go). It is what the body reader
// uses.
var fastMarkdown = func() goldmark.Markdown {
	m := goldmark.New(
		goldmark.WithParser(newGoldmarkParser(true)),
		goldmark.WithExtensions(ourExtensions(true)...),
	)
	m.Parser().AddOptions(parser.WithParagraphTransformers(util.Prioritized(plainTransformer{}, 1000)))
	return m
}()

// ourExtensions is goldmarkExtensions with our linkify and task list in
// goldmark's places, and for the fast parser our table.
func ourExtensions(fast bool) []goldmark.Extender {
	exts := make([]goldmark.Extender, len(goldmarkExtensions))
	for i, e := range goldmarkExtensions {
		switch e {
		case extension.Linkify:
			e = linkifyExtension{}
		case extension.TaskList:
			e = taskListExtension{}
		case extension.Strikethrough:
			e = strikethroughExtension{}
		case extension.Table:
			if fast {
				e = prereadTableExtension{}
			}
		}
		exts[i] = e
	}
	return exts
}

// prereadTableExtension is goldmark's table extension with its paragraph
// transformer wrapped in prereadTable, at the same priorities.
type prereadTableExtension struct{}

func (prereadTableExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(prereadTable{extension.NewTableParagraphTransformer()}, 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewTableHTMLRenderer(), 500)))
}

// newGoldmarkParser is goldmark's default parser with our HTML parsers in
// place of its own, at the same priorities; when fast, its ATX heading
// parser is wrapped in prereadHeadingParser.
func newGoldmarkParser(fast bool) parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, v := range blocks {
		if v.Value == parser.NewHTMLBlockParser() {
			blocks[i] = util.Prioritized(htmlBlockParser{}, v.Priority)
		}
		if fast && string(v.Value.(parser.BlockParser).Trigger()) == "#" {
			blocks[i] = util.Prioritized(prereadHeadingParser{v.Value.(parser.BlockParser)}, v.Priority)
		}
	}
	inlines := parser.DefaultInlineParsers()
	for i, v := range inlines {
		switch v.Value {
		case parser.NewRawHTMLParser():
			inlines[i] = util.Prioritized(&rawHTMLParser{stock: parser.NewRawHTMLParser()}, v.Priority)
		case parser.NewEmphasisParser():
			inlines[i] = util.Prioritized(delimiterLimit{stock: parser.NewEmphasisParser()}, v.Priority)
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefTransformer{parser.LinkReferenceParagraphTransformer}, 100)),
	)
}

// linkRefTransformer is goldmark's link reference definition transformer
// (its only default one, at its priority) behind a test that spares it
// the paragraphs that cannot start with a definition: it makes a block
// reader for every paragraph to find out, and nearly none starts with
// '['.
type linkRefTransformer struct{ stock parser.ParagraphTransformer }

// Transform hands node to goldmark's transformer when its text starts,
// after spaces, with '['.
func (t linkRefTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() > 0 {
		seg := lines.At(0)
		line := reader.Source()[seg.Start:seg.Stop]
		i := 0
		for i < len(line) && util.IsSpace(line[i]) {
			i++
		}
		if seg.Padding == 0 && i < len(line) && line[i] != '[' {
			return
		}
	}
	t.stock.Transform(node, reader, pc)
}

// parseGoldmark parses a Markdown body into goldmark's AST.
func parseGoldmark(src []byte) ast.Node {
	return fastMarkdown.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
}

// blockParser reads only the block structure, no inlines: enough to know
// which lines are code (see codeLines), at a fraction of a full parse.
// Inline parsers and paragraph transformers create no code block, and
// footnote definitions are the one extension that holds blocks.
var blockParser = func() parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, v := range blocks {
		if v.Value == parser.NewHTMLBlockParser() {
			blocks[i] = util.Prioritized(htmlBlockParser{}, v.Priority)
		}
	}
	blocks = append(blocks, util.Prioritized(extension.NewFootnoteBlockParser(), 999))
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithParagraphTransformers(util.Prioritized(rawParagraphs{}, 1000)),
	)
}()

// parseGoldmarkBlocks parses the block structure of a Markdown body.
func parseGoldmarkBlocks(src []byte) ast.Node {
	return blockParser.Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
}

package article

// maxDepth bounds how deeply body blocks and inlines may nest.
const maxDepth = 256

// parseMarkdownBody reads a CommonMark + GFM body into blocks. firstLine is
// the line of the whole file on which src begins (1 for a file with no
// front matter), so that positions are in file coordinates.
//
// Placeholder: being written (issue 2).
func parseMarkdownBody(src []byte, firstLine int) ([]Block, error) {
	return []Block{&Paragraph{Text: []Inline{&Text{Text: string(src)}}}}, nil
}

// parseHTMLBody reads an HTML body (a fragment, or a whole document) into
// blocks. firstLine is as for parseMarkdownBody.
//
// Placeholder: being written (issue 2).
func parseHTMLBody(src []byte, firstLine int) ([]Block, error) {
	return parseMarkdownBody(src, firstLine)
}

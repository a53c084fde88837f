package render

import "github.com/articlekit/article"

// HTML, for a figure in a tight list item, which is one line of HTML.

// appendFigureHTML appends f as one line of HTML.
func appendFigureHTML(b []byte, f *article.Figure) []byte {
	b = append(b, "<figure>"...)
	if f.Link != "" {
		b = appendLinkStartHTML(b, f.Link, f.LinkTitle)
	}
	b = appendImageHTML(b, &f.Image)
	if f.Link != "" {
		b = append(b, "</a>"...)
	}
	if len(f.Caption) > 0 {
		b = append(b, "<figcaption>"...)
		b = appendInlinesHTML(b, f.Caption)
		b = append(b, "</figcaption>"...)
	}
	return append(b, "</figure>"...)
}

func appendInlinesHTML(b []byte, in []article.Inline) []byte {
	for _, x := range in {
		switch x := x.(type) {
		case *article.Text:
			b = appendHTMLEscaped(b, x.Text)
		case *article.Emphasis:
			b = appendElementHTML(b, "em", x.Text)
		case *article.Strong:
			b = appendElementHTML(b, "strong", x.Text)
		case *article.Strike:
			b = appendElementHTML(b, "del", x.Text)
		case *article.CodeSpan:
			b = append(b, "<code>"...)
			b = appendHTMLEscaped(b, x.Text)
			b = append(b, "</code>"...)
		case *article.Link:
			b = appendLinkStartHTML(b, x.Href, x.Title)
			b = appendInlinesHTML(b, x.Text)
			b = append(b, "</a>"...)
		case *article.Image:
			b = appendImageHTML(b, x)
		case *article.LineBreak:
			b = append(b, "<br>"...)
		case *article.FootnoteRef:
			b = append(b, "[^"...)
			b = appendHTMLEscaped(b, x.Label)
			b = append(b, ']')
		}
	}
	return b
}

func appendElementHTML(b []byte, tag string, in []article.Inline) []byte {
	b = append(b, '<')
	b = append(b, tag...)
	b = append(b, '>')
	b = appendInlinesHTML(b, in)
	b = append(b, "</"...)
	b = append(b, tag...)
	return append(b, '>')
}

// appendLinkStartHTML appends the start tag of a link to href with title
// (none when empty).
func appendLinkStartHTML(b []byte, href, title string) []byte {
	b = append(b, `<a href="`...)
	b = appendHTMLEscaped(b, href)
	b = append(b, '"')
	if title != "" {
		b = append(b, ` title="`...)
		b = appendHTMLEscaped(b, title)
		b = append(b, '"')
	}
	return append(b, '>')
}

func appendImageHTML(b []byte, img *article.Image) []byte {
	b = append(b, `<img src="`...)
	b = appendHTMLEscaped(b, img.Src)
	b = append(b, `" alt="`...)
	b = appendHTMLEscaped(b, img.Alt)
	b = append(b, '"')
	if img.Title != "" {
		b = append(b, ` title="`...)
		b = appendHTMLEscaped(b, img.Title)
		b = append(b, '"')
	}
	return append(b, '>')
}

// appendHTMLEscaped appends s escaped as html.EscapeString escapes it:
// < > & ' and " become references; other bytes, valid UTF-8 or not, stay.
func appendHTMLEscaped(b []byte, s string) []byte {
	from := 0
	for i := 0; i < len(s); i++ {
		var ref string
		switch s[i] {
		case '&':
			ref = "&amp;"
		case '\'':
			ref = "&#39;"
		case '<':
			ref = "&lt;"
		case '>':
			ref = "&gt;"
		case '"':
			ref = "&#34;"
		default:
			continue
		}
		b = append(b, s[from:i]...)
		b = append(b, ref...)
		from = i + 1
	}
	return append(b, s[from:]...)
}

package article

import "time"

// An Article is one post: its front matter, as typed fields and as the
// ordered list of every key the input had, and its body as typed blocks.
//
// The typed fields are a view of [Article.FrontMatter]: Parse fills both,
// and [Normalizer] keeps them in step. Renderers write the front matter
// from [Article.FrontMatter], so a key that is not typed is never lost.
type Article struct {
	Title string
	// Date is the publication date, carrying the offset it was written
	// with, or Parser.Location when it had none (see DateZoneAssumed).
	// It is the zero Time when the article has no date.
	Date time.Time
	// DateZoneAssumed reports that the date was written without a zone
	// and took Parser.Location.
	DateZoneAssumed bool
	// Lastmod is the last modification date (Hugo lastmod, modified,
	// Jekyll last_modified_at).
	Lastmod time.Time
	// PublishDate is Hugo's publishDate, or a date-valued Jekyll published.
	PublishDate time.Time
	Layout      string
	Slug        string
	Permalink   string
	Categories  []string
	Tags        []string
	Authors     []string
	Aliases     []string
	// Draft reports draft: true or published: false.
	Draft bool
	// Summary is summary, description or excerpt, in that order.
	Summary string

	// Source is the publisher named in a credit line such as
	// "（文章来源：国际商报）"; SourceURL is the original story's address,
	// from a trailing bare link. Nav holds a trailing line of navigation
	// links. All three are moved out of the body by Parse; see
	// provenance.go.
	Source    string
	SourceURL string
	Nav       []NavLink
	// Credit is the credit line as it was written, so that nothing the
	// input said is lost when it moves out of the body.
	Credit string

	FrontMatter FrontMatter
	// BodyFormat is the format the body was read as.
	BodyFormat Format
	Body       []Block
}

// A Format names a syntax: of front matter (YAML, TOML, JSON) or of a
// body (Markdown, HTML).
type Format string

// The formats.
const (
	FormatNone     Format = ""
	FormatYAML     Format = "yaml"
	FormatTOML     Format = "toml"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// FrontMatter is the front matter block as written: its format and every
// key in input order.
type FrontMatter struct {
	// Format is FormatNone when the input had no front matter.
	Format Format
	Fields []Field
}

// A Field is one key of front matter or of a nested map.
type Field struct {
	Key   string
	Value Value
}

// Kind is the type of a front-matter [Value].
type Kind string

// The kinds of value.
const (
	KindNull   Kind = "null"
	KindString Kind = "string"
	KindInt    Kind = "int"
	KindFloat  Kind = "float"
	KindBool   Kind = "bool"
	// KindTime is a date or date-time written as such: a YAML plain
	// scalar that looks like a date, or a TOML datetime.
	KindTime Kind = "time"
	KindList Kind = "list"
	KindMap  Kind = "map"
)

// A Value is a front-matter value. Scalars keep their text as written
// (without quotes or escapes), so that dates and numbers survive exactly.
type Value struct {
	Kind Kind
	// Text is the scalar's text: the string itself, or the number, bool
	// or date as written.
	Text string
	List []Value
	Map  []Field
	// Line and Col are the position of the value in the whole file,
	// counted from 1; zero when unknown. They are not compared by
	// [Article.Equal] and not written by the renderers.
	Line, Col int
	// text maps offsets of a quoted string's Text to the file: where
	// the text starts (after the quote) and where it resumes after each
	// escape (see quotedTextLines).
	text []textLine
}

// A NavLink is one navigation link of [Article.Nav].
type NavLink struct {
	Text string
	Href string
}

// Pos is a position in the input file, counted from 1; the zero Pos is
// unknown. Columns count bytes, as the Go toolchain does.
type Pos struct {
	Line, Col int
}

// A Block is one block of the body: *Paragraph, *Heading, *List, *Quote,
// *Code, *Table, *Figure, *Rule, *HTML or *Footnote.
type Block interface {
	block()
}

// An Inline is one piece of a block's text: *Text, *Emphasis, *Strong,
// *Strike, *CodeSpan, *Link, *Image, *LineBreak or *FootnoteRef.
type Inline interface {
	inline()
}

// A Paragraph is a run of text.
type Paragraph struct {
	Text []Inline
}

// A Heading is a section heading of level 1 to 6.
type Heading struct {
	Level int
	Text  []Inline
}

// A List is an ordered or bullet list.
type List struct {
	Ordered bool
	// Start is the number of the first item of an ordered list.
	Start int
	// Loose reports blank lines between items (CommonMark's loose list):
	// each item's text is then a paragraph of its own.
	Loose bool
	Items []*ListItem
}

// A ListItem is one item of a [List].
type ListItem struct {
	// Task is nil for an ordinary item; for a GFM task-list item it
	// points to whether the box is checked.
	Task   *bool
	Blocks []Block
}

// A Quote is a block quotation.
type Quote struct {
	Blocks []Block
}

// A Code is a code block. Its text ends in a newline unless empty.
type Code struct {
	Language string
	Text     string
}

// Align is the alignment of a table column.
type Align string

// The alignments.
const (
	AlignNone   Align = ""
	AlignLeft   Align = "left"
	AlignCenter Align = "center"
	AlignRight  Align = "right"
)

// A Table is a GFM table: a header row, then the body rows. Every row has
// one cell per column.
type Table struct {
	Align  []Align
	Header []Cell
	Rows   [][]Cell
}

// A Cell is one table cell.
type Cell struct {
	Text []Inline
}

// A Figure is an image standing alone as a block, with an optional
// caption (HTML <figure> with <figcaption>) and an optional link around
// the image (a thumbnail that links to the full-size picture, say).
type Figure struct {
	Image Image
	// Link is the address the image links to. If Link is empty, the
	// image links nowhere.
	Link string
	// LinkTitle is the title of the link; it is empty when Link is
	// (UnmarshalJSON rejects a LinkTitle without a Link).
	LinkTitle string
	Caption   []Inline
}

// A Rule is a thematic break.
type Rule struct{}

// An HTML block is inert markup that has no Markdown form, kept so that
// nothing is lost: comments such as <!--more-->, and elements outside the
// typed blocks. It never holds scripts, styles, event handlers or active
// URLs; see the Security Considerations in the package documentation.
type HTML struct {
	Text string
}

// A Footnote is a GFM footnote definition.
type Footnote struct {
	Label  string
	Blocks []Block
}

// Text is plain text, with no markup. Pos is where it starts in the
// input, when known; it is not compared by [Article.Equal].
type Text struct {
	Text string
	Pos  Pos
	// lines records where text joined from several source lines (a
	// Markdown paragraph's soft line breaks) resumes in the input, so
	// that an offset into Text maps back to its own line and column.
	lines []textLine
}

// A textLine says that Text[off:] starts at pos in the input.
type textLine struct {
	off int
	pos Pos
}

// Emphasis is emphasized text (<em>, *x*).
type Emphasis struct {
	Text []Inline
}

// Strong is strongly emphasized text (<strong>, **x**).
type Strong struct {
	Text []Inline
}

// Strike is struck-through text (<del>, ~~x~~).
type Strike struct {
	Text []Inline
}

// A CodeSpan is inline code.
type CodeSpan struct {
	Text string
}

// A Link is a hyperlink within text.
type Link struct {
	Href  string
	Title string
	Text  []Inline
}

// An Image is an image.
type Image struct {
	Src   string
	Alt   string
	Title string
}

// A LineBreak is a hard line break.
type LineBreak struct{}

// A FootnoteRef is a reference to a [Footnote].
type FootnoteRef struct {
	Label string
}

func (*Paragraph) block() {}
func (*Heading) block()   {}
func (*List) block()      {}
func (*Quote) block()     {}
func (*Code) block()      {}
func (*Table) block()     {}
func (*Figure) block()    {}
func (*Rule) block()      {}
func (*HTML) block()      {}
func (*Footnote) block()  {}

func (*Text) inline()        {}
func (*Emphasis) inline()    {}
func (*Strong) inline()      {}
func (*Strike) inline()      {}
func (*CodeSpan) inline()    {}
func (*Link) inline()        {}
func (*Image) inline()       {}
func (*LineBreak) inline()   {}
func (*FootnoteRef) inline() {}

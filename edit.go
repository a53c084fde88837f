package article

import "fmt"

// An Edit is one change [Normalizer.Normalize] made: which rule, where,
// and the text before and after. Old and New hold only the changed span:
// for a removal New is empty, for an insertion Old is.
type Edit struct {
	Rule RuleName
	// Path names the field or text the edit is in: a front-matter key
	// ("title", "summary", "description", "date", …) or a body path such
	// as "body[3].text", "body[2].items[0][1].text" (item 0, its block 1),
	// "body[1].blocks[0].text" (inside a quote or footnote),
	// "body[4].header[1]", "body[4].rows[0][2]" (table cells) or
	// "body[5].caption".
	Path string
	// Pos is where the changed text starts in the input file, when known:
	// the line and byte column of its first character as the source
	// writes it (an entity or escape names where it begins). A space that
	// a line break became is at the break, or at the character after it
	// when it starts a text.
	Pos Pos
	Old string
	New string
}

// String returns the edit as "LINE:COL: rule: path: "old" → "new"", leaving
// out the position when it is unknown.
func (e Edit) String() string {
	s := fmt.Sprintf("%s: %s: %q → %q", e.Rule, e.Path, e.Old, e.New)
	if e.Pos.Line > 0 {
		s = fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, s)
	}
	return s
}

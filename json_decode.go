package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// UnmarshalJSON reads the JSON form written by [Article.MarshalJSON] into
// a, replacing all of it. schema_version must be 1. Keys it does not know
// are ignored, so that a reader keeps working when a later version adds
// keys; a missing key leaves its field zero, and an empty list becomes a
// nil slice, except that a list or map [Value] always gets a non-nil List
// or Map, as Parse gives it. A "type", "kind", format or alignment it does
// not know is an error naming it and where it is, since skipping it would
// lose content.
// Dates get back their instant and their offset, as a [time.FixedZone]
// (UTC for Z or +00:00), whatever [time.Local] is. As encoding/json does,
// the JSON null leaves a unchanged.
func (a *Article) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var w wireArticle
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("article: json: %w", err)
	}
	switch {
	case w.SchemaVersion == nil:
		return errors.New("article: json: no schema_version")
	case *w.SchemaVersion != jsonSchemaVersion:
		return fmt.Errorf("article: json: schema_version %d, want %d", *w.SchemaVersion, jsonSchemaVersion)
	}
	out := Article{
		Title:           w.Title,
		DateZoneAssumed: w.DateZoneAssumed,
		Layout:          w.Layout,
		Slug:            w.Slug,
		Permalink:       w.Permalink,
		Categories:      nilIfEmpty(w.Categories),
		Tags:            nilIfEmpty(w.Tags),
		Authors:         nilIfEmpty(w.Authors),
		Aliases:         nilIfEmpty(w.Aliases),
		Draft:           w.Draft,
		Summary:         w.Summary,
		Source:          w.Source,
		SourceURL:       w.SourceURL,
		Credit:          w.Credit,
		FrontMatter:     FrontMatter{Format: w.FrontMatter.Format},
		BodyFormat:      w.BodyFormat,
	}
	var err error
	if out.Date, err = wireTime(w.Date); err != nil {
		return atPath(err, "date")
	}
	if out.Lastmod, err = wireTime(w.Lastmod); err != nil {
		return atPath(err, "lastmod")
	}
	if out.PublishDate, err = wireTime(w.PublishDate); err != nil {
		return atPath(err, "publish_date")
	}
	if len(w.Nav) > 0 {
		out.Nav = make([]NavLink, len(w.Nav))
		for i, n := range w.Nav {
			out.Nav[i] = NavLink{Text: n.Text, Href: n.Href}
		}
	}
	if !validFrontMatterFormat(out.FrontMatter.Format) {
		return atPath(fmt.Errorf("unknown format %q", out.FrontMatter.Format), "front_matter.format")
	}
	if out.FrontMatter.Fields, err = wireFields(w.FrontMatter.Fields); err != nil {
		return atPath(err, "front_matter.fields")
	}
	if !validBodyFormat(out.BodyFormat) {
		return atPath(fmt.Errorf("unknown format %q", out.BodyFormat), "body_format")
	}
	if out.Body, err = wireBlocks(w.Body); err != nil {
		return atPath(err, "body")
	}
	*a = out
	return nil
}

// The wire types are the JSON form as encoding/json decodes it; the
// functions below turn them into an Article. Keys absent here are ignored.
type (
	wireArticle struct {
		SchemaVersion   *int        `json:"schema_version"`
		Title           string      `json:"title"`
		Date            *string     `json:"date"`
		DateZoneAssumed bool        `json:"date_zone_assumed"`
		Lastmod         *string     `json:"lastmod"`
		PublishDate     *string     `json:"publish_date"`
		Layout          string      `json:"layout"`
		Slug            string      `json:"slug"`
		Permalink       string      `json:"permalink"`
		Categories      []string    `json:"categories"`
		Tags            []string    `json:"tags"`
		Authors         []string    `json:"authors"`
		Aliases         []string    `json:"aliases"`
		Draft           bool        `json:"draft"`
		Summary         string      `json:"summary"`
		Source          string      `json:"source"`
		SourceURL       string      `json:"source_url"`
		Credit          string      `json:"credit"`
		Nav             []wireNav   `json:"nav"`
		FrontMatter     wireFM      `json:"front_matter"`
		BodyFormat      Format      `json:"body_format"`
		Body            []wireBlock `json:"body"`
	}
	wireNav struct {
		Text string `json:"text"`
		Href string `json:"href"`
	}
	wireFM struct {
		Format Format      `json:"format"`
		Fields []wireField `json:"fields"`
	}
	wireField struct {
		Key   string    `json:"key"`
		Value wireValue `json:"value"`
	}
	wireValue struct {
		Kind Kind        `json:"kind"`
		Text string      `json:"text"`
		List []wireValue `json:"list"`
		Map  []wireField `json:"map"`
	}
	wireBlock struct {
		Type string `json:"type"`
		// Text is inlines in a paragraph or heading, a string in code
		// and html.
		Text      json.RawMessage  `json:"text"`
		Level     int              `json:"level"`
		Ordered   bool             `json:"ordered"`
		Start     int              `json:"start"`
		Loose     bool             `json:"loose"`
		Items     []wireItem       `json:"items"`
		Blocks    []wireBlock      `json:"blocks"`
		Language  string           `json:"language"`
		Align     []Align          `json:"align"`
		Header    [][]wireInline   `json:"header"`
		Rows      [][][]wireInline `json:"rows"`
		Image     wireImage        `json:"image"`
		Link      string           `json:"link"`
		LinkTitle string           `json:"link_title"`
		Caption   []wireInline     `json:"caption"`
		Label     string           `json:"label"`
	}
	wireImage struct {
		Src   string `json:"src"`
		Alt   string `json:"alt"`
		Title string `json:"title"`
	}
	wireItem struct {
		Task   *bool       `json:"task"`
		Blocks []wireBlock `json:"blocks"`
	}
	wireInline struct {
		Type     string       `json:"type"`
		Text     string       `json:"text"`
		Children []wireInline `json:"children"`
		Href     string       `json:"href"`
		Title    string       `json:"title"`
		Src      string       `json:"src"`
		Alt      string       `json:"alt"`
		Label    string       `json:"label"`
	}
)

// A wireError is an error in the JSON form, at a path such as
// body[2].items[0].blocks[1].
type wireError struct {
	path string
	err  error
}

func (e *wireError) Error() string { return "article: json: " + e.path + ": " + e.err.Error() }
func (e *wireError) Unwrap() error { return e.err }

// atPath puts seg in front of err's path; a segment that is a key gets
// its dot from the caller (".blocks").
func atPath(err error, seg string) error {
	var we *wireError
	if errors.As(err, &we) {
		we.path = seg + we.path
		return we
	}
	return &wireError{path: seg, err: err}
}

func atIndex(err error, field string, i int) error {
	return atPath(err, field+"["+strconv.Itoa(i)+"]")
}

// wireTime reads an RFC 3339 date, giving it a fixed zone with the offset
// it was written with, so that time.Local never shows through.
func wireTime(s *string) (time.Time, error) {
	if s == nil {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 date", *s)
	}
	if _, off := t.Zone(); off != 0 {
		return t.In(time.FixedZone("", off)), nil
	}
	return t.UTC(), nil
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func wireFields(ws []wireField) ([]Field, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	out := make([]Field, len(ws))
	for i, f := range ws {
		v, err := wireValueOf(f.Value)
		if err != nil {
			return nil, atPath(err, "["+strconv.Itoa(i)+"].value")
		}
		out[i] = Field{Key: f.Key, Value: v}
	}
	return out, nil
}

func wireValueOf(w wireValue) (Value, error) {
	v := Value{Kind: w.Kind, Text: w.Text}
	switch w.Kind {
	case KindNull, KindString, KindInt, KindFloat, KindBool, KindTime:
	case KindList:
		// Parse gives a list or map value a non-nil List or Map even
		// when it is empty; so does this.
		v.List = make([]Value, len(w.List))
		for i, e := range w.List {
			var err error
			if v.List[i], err = wireValueOf(e); err != nil {
				return Value{}, atIndex(err, ".list", i)
			}
		}
	case KindMap:
		var err error
		if v.Map, err = wireFields(w.Map); err != nil {
			return Value{}, atPath(err, ".map")
		}
		if v.Map == nil {
			v.Map = []Field{}
		}
	default:
		return Value{}, fmt.Errorf("unknown value kind %q", w.Kind)
	}
	return v, nil
}

func wireBlocks(ws []wireBlock) ([]Block, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	out := make([]Block, len(ws))
	for i := range ws {
		b, err := wireBlockOf(&ws[i])
		if err != nil {
			return nil, atIndex(err, "", i)
		}
		out[i] = b
	}
	return out, nil
}

func wireBlockOf(w *wireBlock) (Block, error) {
	switch w.Type {
	case "paragraph":
		text, err := rawInlines(w.Text)
		if err != nil {
			return nil, atPath(err, ".text")
		}
		return &Paragraph{Text: text}, nil
	case "heading":
		if w.Level < 1 || w.Level > 6 {
			return nil, fmt.Errorf("heading level %d outside 1–6", w.Level)
		}
		text, err := rawInlines(w.Text)
		if err != nil {
			return nil, atPath(err, ".text")
		}
		return &Heading{Level: w.Level, Text: text}, nil
	case "list":
		l := &List{Ordered: w.Ordered, Start: w.Start, Loose: w.Loose}
		if len(w.Items) > 0 {
			l.Items = make([]*ListItem, len(w.Items))
			for i, it := range w.Items {
				blocks, err := wireBlocks(it.Blocks)
				if err != nil {
					return nil, atIndex(atPath(err, ".blocks"), ".items", i)
				}
				l.Items[i] = &ListItem{Task: it.Task, Blocks: blocks}
			}
		}
		return l, nil
	case "quote":
		blocks, err := wireBlocks(w.Blocks)
		if err != nil {
			return nil, atPath(err, ".blocks")
		}
		return &Quote{Blocks: blocks}, nil
	case "code", "html":
		var text string
		if len(w.Text) > 0 {
			if err := json.Unmarshal(w.Text, &text); err != nil {
				return nil, atPath(errors.New("text is not a string"), ".text")
			}
		}
		if w.Type == "html" {
			return &HTML{Text: text}, nil
		}
		return &Code{Language: w.Language, Text: text}, nil
	case "table":
		return wireTable(w)
	case "figure":
		caption, err := wireInlines(w.Caption)
		if err != nil {
			return nil, atPath(err, ".caption")
		}
		if w.Link == "" && w.LinkTitle != "" {
			// render.Markdown could not write it: reject it rather than
			// drop it.
			return nil, atPath(errors.New("link_title without a link"), ".link_title")
		}
		return &Figure{Image: Image(w.Image), Link: w.Link, LinkTitle: w.LinkTitle, Caption: caption}, nil
	case "rule":
		return &Rule{}, nil
	case "footnote":
		blocks, err := wireBlocks(w.Blocks)
		if err != nil {
			return nil, atPath(err, ".blocks")
		}
		return &Footnote{Label: w.Label, Blocks: blocks}, nil
	}
	return nil, fmt.Errorf("unknown block type %q", w.Type)
}

func wireTable(w *wireBlock) (Block, error) {
	t := &Table{}
	if len(w.Align) > 0 {
		t.Align = w.Align
		for i, a := range w.Align {
			if !validAlign(a) {
				return nil, atIndex(fmt.Errorf("unknown alignment %q", a), ".align", i)
			}
		}
	}
	var err error
	if t.Header, err = wireCells(w.Header); err != nil {
		return nil, atPath(err, ".header")
	}
	if len(w.Rows) > 0 {
		t.Rows = make([][]Cell, len(w.Rows))
		for i, r := range w.Rows {
			if t.Rows[i], err = wireCells(r); err != nil {
				return nil, atPath(err, ".rows["+strconv.Itoa(i)+"]")
			}
		}
	}
	return t, nil
}

func wireCells(ws [][]wireInline) ([]Cell, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	out := make([]Cell, len(ws))
	for i, c := range ws {
		text, err := wireInlines(c)
		if err != nil {
			return nil, atIndex(err, "", i)
		}
		out[i] = Cell{Text: text}
	}
	return out, nil
}

// rawInlines decodes the inlines of a paragraph or heading, held back as
// raw JSON because "text" is a string in other blocks.
func rawInlines(raw json.RawMessage) ([]Inline, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var ws []wireInline
	if err := json.Unmarshal(raw, &ws); err != nil {
		return nil, errors.New("text is not an array of inlines")
	}
	return wireInlines(ws)
}

func wireInlines(ws []wireInline) ([]Inline, error) {
	if len(ws) == 0 {
		return nil, nil
	}
	out := make([]Inline, len(ws))
	for i := range ws {
		x, err := wireInlineOf(&ws[i])
		if err != nil {
			return nil, atIndex(err, "", i)
		}
		out[i] = x
	}
	return out, nil
}

func wireInlineOf(w *wireInline) (Inline, error) {
	switch w.Type {
	case "text":
		return &Text{Text: w.Text}, nil
	case "code":
		return &CodeSpan{Text: w.Text}, nil
	case "image":
		return &Image{Src: w.Src, Alt: w.Alt, Title: w.Title}, nil
	case "break":
		return &LineBreak{}, nil
	case "footnote_ref":
		return &FootnoteRef{Label: w.Label}, nil
	case "emphasis", "strong", "strike", "link":
	default:
		return nil, fmt.Errorf("unknown inline type %q", w.Type)
	}
	children, err := wireInlines(w.Children)
	if err != nil {
		return nil, atPath(err, ".children")
	}
	switch w.Type {
	case "emphasis":
		return &Emphasis{Text: children}, nil
	case "strong":
		return &Strong{Text: children}, nil
	case "strike":
		return &Strike{Text: children}, nil
	}
	return &Link{Href: w.Href, Title: w.Title, Text: children}, nil
}

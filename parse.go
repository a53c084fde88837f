package article

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultMaxSize is the input size limit used when Parser.MaxSize is 0.
const DefaultMaxSize = 64 << 20

// A Parser reads articles. Its zero value is ready to use, and it is safe
// for concurrent use by several goroutines as long as its fields are not
// changed.
type Parser struct {
	// Location is the time zone of dates written without one. If Location
	// is nil, UTC is used. "CST" and "北京时间" are read as +08:00 only
	// when Location is a China zone such as Asia/Shanghai.
	Location *time.Location
	// BodyFormat is the format of the body. If BodyFormat is FormatNone,
	// a file named *.html or *.htm has an HTML body and any other input a
	// Markdown body (which may hold raw HTML).
	BodyFormat Format
	// MaxSize is the largest input, in bytes, that Parse accepts; a larger
	// one fails with ErrTooLarge without being read past the limit. If
	// MaxSize is 0, DefaultMaxSize (64 MiB) is used; if negative, there is
	// no limit.
	MaxSize int64
}

// Parse reads an article from r with the zero [Parser].
func Parse(r io.Reader) (*Article, error) {
	return new(Parser).Parse(r)
}

// ParseFile reads the named file with the zero [Parser].
func ParseFile(name string) (*Article, error) {
	return new(Parser).ParseFile(name)
}

// Parse reads an article from r. Errors are *[ParseError]s.
func (p *Parser) Parse(r io.Reader) (*Article, error) {
	return p.parseReader("", r)
}

// ParseFile reads the named file. The name gives errors their file name,
// decides the body format when BodyFormat is FormatNone, and supplies a
// Jekyll post's date and slug (YYYY-MM-DD-slug.md) when the front matter
// has none.
func (p *Parser) ParseFile(name string) (*Article, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return p.parseReader(name, f)
}

// ParseBytes reads an article held in memory, as ParseFile would read a
// file of that name holding src. The name may be "".
func (p *Parser) ParseBytes(name string, src []byte) (*Article, error) {
	if max := p.maxSize(); max >= 0 && int64(len(src)) > max {
		return nil, &ParseError{Name: name, Offset: max, Err: wrapf(ErrTooLarge, "larger than %d bytes", max)}
	}
	return p.parse(name, src)
}

func (p *Parser) maxSize() int64 {
	if p.MaxSize == 0 {
		return DefaultMaxSize
	}
	return p.MaxSize
}

func (p *Parser) parseReader(name string, r io.Reader) (*Article, error) {
	max := p.maxSize()
	if max >= 0 {
		r = io.LimitReader(r, max+1)
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if max >= 0 && int64(len(src)) > max {
		return nil, &ParseError{Name: name, Offset: max, Err: wrapf(ErrTooLarge, "larger than %d bytes", max)}
	}
	return p.parse(name, src)
}

// parse does the work; src is not retained.
func (p *Parser) parse(name string, src []byte) (a *Article, err error) {
	defer func() {
		// A panic is a bug, but it must not cross the API.
		if r := recover(); r != nil {
			a, err = nil, &ParseError{Name: name, Offset: -1, Err: fmt.Errorf("article: internal error: %v", r)}
		}
	}()
	src = cleanSource(src)
	lines := newSourceLines(src)
	fail := func(off int, e error) error {
		line, col := lines.pos(off)
		return &ParseError{Name: name, Line: line, Col: col, Offset: int64(off), Err: e}
	}
	if off, bad := findBinary(src); bad != nil {
		return nil, fail(off, bad)
	}

	sp, err := splitFrontMatter(src)
	if err != nil {
		pe := err.(*posError)
		return nil, fail(pe.offset, pe.err)
	}
	a = &Article{FrontMatter: FrontMatter{Format: sp.format}}
	var fields []Field
	switch sp.format {
	case FormatYAML:
		fields, err = decodeYAMLFields(sp.block, sp.blockStart, lines)
	case FormatTOML:
		fields, err = decodeTOMLFields(sp.block, sp.blockStart, lines)
	case FormatJSON:
		fields, err = decodeJSONFields(sp.block, sp.blockStart, lines)
	}
	if err != nil {
		pe := err.(*posError)
		return nil, fail(pe.offset, pe.err)
	}
	if len(fields) > 0 { // an empty block gives nil, whatever its format
		quotedTextLines(fields, lines, sp.format)
		a.FrontMatter.Fields = fields
	}
	if err := p.typedFields(a, name, lines); err != nil {
		pe := err.(*posError)
		return nil, fail(pe.offset, pe.err)
	}

	a.BodyFormat = p.bodyFormat(name)
	firstLine := lines.lineOf(sp.bodyStart)
	if sp.bodyStart >= len(src) {
		firstLine = len(lines.starts)
	}
	if a.BodyFormat == FormatHTML {
		a.Body, err = htmlBody(sp.body, firstLine, lines.bodyIndex(sp.bodyStart, firstLine))
	} else {
		a.Body, err = markdownBody(sp.body, firstLine, lines.bodyIndex(sp.bodyStart, firstLine))
	}
	if err != nil {
		if pe, ok := err.(*ParseError); ok {
			pe.Name = name
			return nil, pe
		}
		return nil, &ParseError{Name: name, Line: firstLine, Offset: -1, Err: err}
	}
	extractProvenance(a)
	return a, nil
}

func (p *Parser) bodyFormat(name string) Format {
	if p.BodyFormat != FormatNone {
		return p.BodyFormat
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return FormatHTML
	}
	return FormatMarkdown
}

// cleanSource drops a leading UTF-8 byte order mark and turns CRLF and
// lone CR line endings into LF, so that the rest of the parser sees one
// kind of text. Lines and columns are unchanged by this; byte offsets in
// errors refer to the cleaned text.
func cleanSource(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for {
		i := bytes.IndexByte(src, '\r')
		if i < 0 {
			return append(out, src...)
		}
		out = append(out, src[:i]...)
		if i+1 == len(src) || src[i+1] != '\n' {
			out = append(out, '\n') // a lone CR; a CRLF's LF follows
		}
		src = src[i+1:]
	}
}

// findBinary reports the offset of the first NUL byte or invalid UTF-8
// sequence: such input is not an article, and guessing an encoding would
// silently change what the user gave.
func findBinary(src []byte) (int, error) {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		if j := firstInvalidUTF8(src[:i]); j >= 0 {
			return j, wrapf(ErrBinary, "invalid UTF-8")
		}
		return i, wrapf(ErrBinary, "NUL byte")
	}
	if j := firstInvalidUTF8(src); j >= 0 {
		return j, wrapf(ErrBinary, "invalid UTF-8")
	}
	return 0, nil
}

func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

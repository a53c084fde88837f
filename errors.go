package article

import (
	"errors"
	"fmt"
)

// Sentinel errors, wrapped by [ParseError]; test for them with [errors.Is].
var (
	// ErrUnterminatedFrontMatter: an opening ---, +++ or { has no close.
	ErrUnterminatedFrontMatter = errors.New("article: unterminated front matter")
	// ErrFrontMatter: the front matter is not valid YAML, TOML or JSON, or
	// its top level is not a map.
	ErrFrontMatter = errors.New("article: invalid front matter")
	// ErrDuplicateKey: a front-matter key appears twice in one map.
	ErrDuplicateKey = errors.New("article: duplicate front matter key")
	// ErrBadDate: a date field's text is not a date this package reads.
	ErrBadDate = errors.New("article: invalid date")
	// ErrUnknownZone: a date names a time zone abbreviation that cannot be
	// resolved without guessing.
	ErrUnknownZone = errors.New("article: unknown time zone")
	// ErrTooLarge: the input is larger than Parser.MaxSize.
	ErrTooLarge = errors.New("article: input too large")
	// ErrBinary: the input holds a NUL byte or is not UTF-8 text.
	ErrBinary = errors.New("article: not a text file")
	// ErrTooDeep: the body nests deeper than the parser allows.
	ErrTooDeep = errors.New("article: body nested too deeply")
)

// A ParseError reports where and why an input could not be read. Line and
// Col count from 1 in the whole file (Col in bytes); either is 0 when
// unknown. Offset is the byte offset in the file, or -1 when unknown.
type ParseError struct {
	Name   string // file name, or "" when reading an io.Reader
	Line   int
	Col    int
	Offset int64
	Err    error // a sentinel above, possibly wrapping the cause
}

// Error returns "NAME:LINE:COL: article: message", leaving out the parts
// that are unknown.
func (e *ParseError) Error() string {
	name := e.Name
	if name == "" {
		name = "<input>"
	}
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", name, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", name, e.Err)
}

// Unwrap returns the underlying error, so that errors.Is finds the sentinel.
func (e *ParseError) Unwrap() error { return e.Err }

// wrapf returns an error that is sentinel for errors.Is and says msg.
func wrapf(sentinel error, format string, args ...any) error {
	return &detailError{sentinel: sentinel, msg: fmt.Sprintf(format, args...)}
}

// A detailError is a sentinel with a more specific message.
type detailError struct {
	sentinel error
	msg      string
}

func (e *detailError) Error() string { return e.sentinel.Error() + ": " + e.msg }
func (e *detailError) Unwrap() error { return e.sentinel }

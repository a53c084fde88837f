package article

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkifyExtension is goldmark's extension.Linkify in its default
// configuration, with the two regular expressions that read a bare URL
// (extension's urlRegexp and wwwURLRegxp) replaced by matchLinkifyURL.
// It registers the parser at the same priority, 999.
type linkifyExtension struct{}

func (linkifyExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(linkifyParser{}, 999)))
}

// linkifyParser turns bare URLs, www. addresses and e-mail addresses into
// ast.AutoLink nodes exactly as goldmark's linkify parser does. It runs at
// every space and at * _ ~ (, so most calls find nothing: those return
// after a few byte comparisons, as goldmark's do.
type linkifyParser struct{}

var linkifyTrigger = []byte{' ', '*', '_', '~', '('}

// linkifyHTTP is the protocol goldmark gives a www. link.
var linkifyHTTP = []byte("http")

func (linkifyParser) Trigger() []byte { return linkifyTrigger }

func (linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if pc.IsInLinkLabel() {
		return nil
	}
	line, segment := block.PeekLine()
	consumes := 0
	start := segment.Start
	if c := line[0]; c == ' ' || c == '*' || c == '_' || c == '~' || c == '(' {
		consumes++
		start++
		line = line[1:]
	}
	stop := -1
	var protocol []byte
	typ := ast.AutoLinkURL
	// Most calls come at the start of a word that is no link: the first
	// byte rules out the schemes and www., and an e-mail address needs a
	// first byte util.FindEmailIndex takes for its local part and an '@'
	// in the first 65 bytes, where it looks for one.
	if len(line) > 0 && (line[0] == 'h' || line[0] == 'f') &&
		(bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) || bytes.HasPrefix(line, []byte("ftp:"))) {
		stop = matchLinkifyURL(line, false)
	}
	if stop < 0 && len(line) > 0 && line[0] == 'w' && bytes.HasPrefix(line, []byte("www.")) {
		stop = matchLinkifyURL(line, true)
		protocol = linkifyHTTP
	}
	if stop < 0 {
		if len(line) > 0 && util.IsPunct(line[0]) {
			return nil
		}
		if len(line) == 0 || !emailLocal[line[0]] || bytes.IndexByte(line[:min(len(line), 65)], '@') < 0 {
			return nil
		}
		typ = ast.AutoLinkEmail
		stop = util.FindEmailIndex(line)
		if stop < 0 {
			return nil
		}
		at := bytes.IndexByte(line, '@')
		if bytes.IndexByte(line[at:stop-1], '.') < 0 {
			return nil
		}
		if line[stop-1] == '.' {
			stop--
		}
		if stop < len(line) && (line[stop] == '-' || line[stop] == '_') {
			return nil
		}
	}
	if consumes != 0 {
		ast.MergeOrAppendTextSegment(parent, segment.WithStop(segment.Start+1))
	}
	i := trimLinkifyEnd(line, stop)
	block.Advance(consumes + i)
	link := ast.NewAutoLink(typ, ast.NewTextSegment(text.NewSegment(start, start+i)))
	link.Protocol = protocol
	return link
}

// trimLinkifyEnd drops from the end of a link what goldmark drops:
// trailing punctuation, a ')' without its '(', an entity-like &name;.
func trimLinkifyEnd(line []byte, stop int) int {
	opening := bytes.Count(line[:stop], []byte{'('})
	closing := bytes.Count(line[:stop], []byte{')'})
	i := stop
	for i > 1 {
		switch line[i-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			i--
		case ')':
			if closing <= opening {
				return i
			}
			closing--
			i--
		case ';':
			j := i - 2
			for j > 0 && util.IsAlphaNumeric(line[j]) {
				j--
			}
			if j == i-2 || line[j] != '&' {
				return i
			}
			i = j
		default:
			return i
		}
	}
	return i
}

// matchLinkifyURL returns the length of the match of goldmark's
//
//	^(?:http|https|ftp)://[D]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][P]*)?   (url)
//	^www\.[D]{1,256}\.[a-z]+(?:[/#?][P]*)?                           (www)
//
// at the start of line, or -1. D is -a-zA-Z0-9@:%._+~#= and P is
// -a-zA-Z0-9@:%_+.~#!?&/=();,'">^{}[]` plus $ for url. Leftmost-first
// matching takes the longest run of D that a dot and a lower-case letter
// follow, then every later piece as long as it goes.
func matchLinkifyURL(line []byte, www bool) int {
	p := 0
	switch {
	case www:
		p = len("www.")
	case bytes.HasPrefix(line, []byte("http://")):
		p = len("http://")
	case bytes.HasPrefix(line, []byte("https://")):
		p = len("https://")
	case bytes.HasPrefix(line, []byte("ftp://")):
		p = len("ftp://")
	default:
		return -1
	}
	run := 0
	for p+run < len(line) && run < 256 && linkifyClass[line[p+run]]&linkifyDomain != 0 {
		run++
	}
	k := run
	for k >= 1 && !(p+k+1 < len(line) && line[p+k] == '.' && isLowerASCII(line[p+k+1])) {
		k--
	}
	if k < 1 {
		return -1
	}
	q := p + k + 1
	for q < len(line) && isLowerASCII(line[q]) {
		q++
	}
	if !www && q+1 < len(line) && line[q] == ':' && isDigitASCII(line[q+1]) {
		q += 2
		for q < len(line) && isDigitASCII(line[q]) {
			q++
		}
	}
	if q < len(line) && (line[q] == '/' || line[q] == '#' || line[q] == '?') {
		path := byte(linkifyPath)
		if www {
			path = linkifyWWWPath
		}
		q++
		for q < len(line) && linkifyClass[line[q]]&path != 0 {
			q++
		}
	}
	return q
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

// Bits of linkifyClass.
const (
	linkifyDomain  = 1 << iota // D
	linkifyPath                // P of the url pattern
	linkifyWWWPath             // P of the www pattern
)

// linkifyClass holds for each byte the classes of matchLinkifyURL it is in.
var linkifyClass = func() (t [256]byte) {
	alnum := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for _, c := range alnum + "-@:%._+~#=" {
		t[c] |= linkifyDomain
	}
	for _, c := range alnum + "-@:%_+.~#!?&/=();,'\">^{}[]`" {
		t[c] |= linkifyPath | linkifyWWWPath
	}
	t['$'] |= linkifyPath
	return t
}()

// emailLocal marks the bytes util.FindEmailIndex accepts before the '@',
// found by asking it, so that the two cannot disagree.
var emailLocal = func() (t [256]bool) {
	for c := range t {
		t[c] = util.FindEmailIndex([]byte{byte(c), '@', 'a'}) >= 0
	}
	return t
}()

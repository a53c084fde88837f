package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// extractProvenance moves what says where an article came from out of the
// end of its body and into fields: a credit line such as
// "（文章来源：国际商报）" (Source, Credit), a bare link to the original
// story (SourceURL), and a line of navigation links such as
// "[返回首页](/)" (Nav). Each may appear once, in any order, among the
// last blocks; a block is moved only when all of it is of that kind, so
// prose that mentions a source stays in the body.
func extractProvenance(a *Article) {
	for len(a.Body) > 0 {
		p, ok := a.Body[len(a.Body)-1].(*Paragraph)
		if !ok {
			return
		}
		switch {
		case a.Nav == nil && navLinks(p) != nil:
			a.Nav = navLinks(p)
		case a.SourceURL == "" && storyURL(p) != "":
			a.SourceURL = storyURL(p)
		case a.Credit == "" && creditSource(p) != "":
			a.Source = creditSource(p)
			a.Credit = plainText(p.Text)
		default:
			return
		}
		a.Body = a.Body[:len(a.Body)-1]
	}
}

// navWords are words that mark a link as site navigation.
var navWords = []string{"返回", "首页", "回到", "上一篇", "下一篇", "目录", "home", "back to", "previous", "next"}

// navLinks returns the links of a paragraph made only of links and
// separators, when at least one link reads as navigation.
func navLinks(p *Paragraph) []NavLink {
	var links []NavLink
	isNav := false
	for _, in := range p.Text {
		switch in := in.(type) {
		case *Link:
			text := plainText(in.Text)
			links = append(links, NavLink{Text: text, Href: in.Href})
			lower := strings.ToLower(text)
			for _, w := range navWords {
				if strings.Contains(lower, w) {
					isNav = true
				}
			}
		case *Text:
			if strings.TrimFunc(in.Text, isNavSeparator) != "" {
				return nil
			}
		case *LineBreak:
		default:
			return nil
		}
	}
	if !isNav {
		return nil
	}
	return links
}

func isNavSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("|｜·•/、,，-—>»", r)
}

// storyURL returns the address of a paragraph that is one bare link to an
// http(s) address (an autolink, whose text is its address).
func storyURL(p *Paragraph) string {
	if len(p.Text) != 1 {
		return ""
	}
	l, ok := p.Text[0].(*Link)
	if !ok || plainText(l.Text) != l.Href || l.Title != "" {
		return ""
	}
	if !strings.HasPrefix(l.Href, "http://") && !strings.HasPrefix(l.Href, "https://") {
		return ""
	}
	return l.Href
}

// creditPrefixes introduce the publisher in a credit line.
var creditPrefixes = []string{"文章来源", "稿件来源", "新闻来源", "来源", "出处", "source"}

// creditSource returns the publisher named by a paragraph that is only a
// credit line: "（文章来源：国际商报）", "来源：新华社", "Source: Reuters".
func creditSource(p *Paragraph) string {
	for _, in := range p.Text {
		if _, ok := in.(*Text); !ok {
			return ""
		}
	}
	s := strings.TrimSpace(plainText(p.Text))
	for _, pair := range [][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}} {
		if strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) {
			s = strings.TrimSpace(s[len(pair[0]) : len(s)-len(pair[1])])
			break
		}
	}
	for _, prefix := range creditPrefixes {
		if !hasPrefixFoldASCII(s, prefix) {
			continue
		}
		rest := strings.TrimSpace(s[len(prefix):])
		for _, colon := range []string{"：", ":"} {
			if r, ok := strings.CutPrefix(rest, colon); ok {
				name := strings.TrimSpace(r)
				if name != "" && utf8.RuneCountInString(name) <= 40 {
					return name
				}
			}
		}
	}
	return ""
}

// hasPrefixFoldASCII reports whether s starts with prefix, a lower-case
// prefix, ignoring the case of ASCII letters: for creditPrefixes that is
// strings.HasPrefix(strings.ToLower(s), prefix) without lowering all of
// s (a body's last paragraph, which is seldom a credit line).
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// plainText is the text a reader sees in inlines, without markup.
func plainText(in []Inline) string {
	var b strings.Builder
	appendPlainText(&b, in)
	return b.String()
}

func appendPlainText(b *strings.Builder, in []Inline) {
	for _, x := range in {
		switch x := x.(type) {
		case *Text:
			b.WriteString(x.Text)
		case *Emphasis:
			appendPlainText(b, x.Text)
		case *Strong:
			appendPlainText(b, x.Text)
		case *Strike:
			appendPlainText(b, x.Text)
		case *Link:
			appendPlainText(b, x.Text)
		case *CodeSpan:
			b.WriteString(x.Text)
		case *Image:
			b.WriteString(x.Alt)
		case *LineBreak:
			b.WriteByte('\n')
		}
	}
}

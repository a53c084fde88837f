package article_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/articlekit/article"
	"github.com/articlekit/article/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestCommonMarkFidelity measures how much of what CommonMark can say
// survives HTML → Article → Markdown, against the CommonMark spec.
//
// For each example of the spec.json that ships in the goldmark module (not
// copied here), its expected HTML is read as an HTML body, written with
// render.Markdown, and that Markdown rendered back to HTML by goldmark.New():
// plain CommonMark, the fairest oracle for CommonMark examples, in its
// default safe mode, which omits raw HTML, so that only what became
// Markdown counts. The example passes when the two HTML texts are equal
// after normalizeHTML (below), the normalization of the spec's own test
// runner (commonmark-spec test/normalize.py) with two additions forced by
// safe mode.
//
// The score is printed overall and outside the "HTML blocks" and "Raw
// HTML" sections. testdata/commonmark_known_failures.txt lists the
// examples that fail; the test fails when another one fails, and when a
// listed one passes, so that the list can only shrink. go test -update
// rewrites the list (keeping the reasons written for examples still in it);
// FIDELITY_VERBOSE=1 logs every failing example.
func TestCommonMarkFidelity(t *testing.T) {
	examples := specExamples(t)
	known, err := readKnownFailures("testdata/commonmark_known_failures.txt")
	if err != nil && !(os.IsNotExist(err) && *update) {
		t.Fatal(err)
	}
	md := goldmark.New()
	// The score with the GFM extensions that render.Markdown writes for
	// (strikethrough, tables, autolinks) is logged for comparison; the
	// known failures are those of plain CommonMark.
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	gfmPass := 0
	var pass, total, passOut, totalOut int
	failed := map[int]string{}
	for _, ex := range examples {
		got, err := fidelityRoundTrip(md, ex.HTML)
		ok := err == nil && normalizeHTML(got) == normalizeHTML(ex.HTML)
		if g, err := fidelityRoundTrip(gfm, ex.HTML); err == nil && normalizeHTML(g) == normalizeHTML(ex.HTML) {
			gfmPass++
		}
		rawSection := ex.Section == "HTML blocks" || ex.Section == "Raw HTML"
		total++
		if !rawSection {
			totalOut++
		}
		if ok {
			pass++
			if !rawSection {
				passOut++
			}
		} else {
			failed[ex.Example] = ex.Section
		}
		_, listed := known[ex.Example]
		if !ok && os.Getenv("FIDELITY_VERBOSE") != "" {
			var m bytes.Buffer
			if a, err := (&article.Parser{BodyFormat: article.FormatHTML}).ParseBytes("example.html", []byte(ex.HTML)); err == nil {
				_ = render.Markdown(&m, a)
			}
			t.Logf("example %d (%s)\nhtml:\n%s\nmarkdown:\n%s\nwant: %s\ngot:  %s",
				ex.Example, ex.Section, ex.HTML, m.String(), normalizeHTML(ex.HTML), normalizeHTML(got))
		}
		switch {
		case *update:
		case !ok && !listed:
			if err != nil {
				t.Errorf("example %d (%s): %v", ex.Example, ex.Section, err)
			} else {
				t.Errorf("example %d (%s) fails and is not a known failure:\nhtml:\n%s\ngot:\n%s\nnormalized want: %s\nnormalized got:  %s",
					ex.Example, ex.Section, ex.HTML, got, normalizeHTML(ex.HTML), normalizeHTML(got))
			}
		case ok && listed:
			t.Errorf("example %d (%s) passes now: remove it from testdata/commonmark_known_failures.txt", ex.Example, ex.Section)
		}
	}
	line := fmt.Sprintf("fidelity: overall %d/%d (%.1f%%), outside raw HTML %d/%d (%.1f%%)",
		pass, total, percent(pass, total), passOut, totalOut, percent(passOut, totalOut))
	t.Log(line)
	fmt.Println(line)
	t.Logf("with goldmark's GFM extensions as the oracle: overall %d/%d (%.1f%%)", gfmPass, total, percent(gfmPass, total))
	if *update {
		if err := writeKnownFailures("testdata/commonmark_known_failures.txt", failed, known); err != nil {
			t.Fatal(err)
		}
	}
}

func percent(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// specExamples reads the CommonMark spec examples from the goldmark
// module in the module cache, or skips the test.
func specExamples(t *testing.T) []specExample {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("cannot locate the goldmark module (go list: %v); the CommonMark fidelity test needs its spec.json", err)
	}
	var file string
	for _, p := range []string{"_test/spec.json", "spec.json", "testdata/spec.json"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			file = filepath.Join(dir, p)
			break
		}
	}
	if file == "" {
		t.Skipf("no spec.json in %s; the CommonMark fidelity test needs it", dir)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skipf("reading the CommonMark spec: %v", err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return examples
}

// fidelityRoundTrip reads h as an HTML body, writes it as Markdown and
// renders that with md.
func fidelityRoundTrip(md goldmark.Markdown, h string) (string, error) {
	p := article.Parser{BodyFormat: article.FormatHTML}
	a, err := p.ParseBytes("example.html", []byte(h))
	if err != nil {
		return "", err
	}
	var m, out bytes.Buffer
	if err := render.Markdown(&m, a); err != nil {
		return "", err
	}
	if err := md.Convert(m.Bytes(), &out); err != nil {
		return "", err
	}
	return out.String(), nil
}

// normalizeHTML puts h in a canonical form for comparison. It follows the
// CommonMark spec's test/normalize.py:
//
//   - Outside <pre>, each run of whitespace in text becomes one space;
//     whitespace is dropped next to the start and end tags of block
//     elements (the list below), and a newline right after <br>.
//   - Tags are written lower case, attributes sorted by name, values
//     quoted with " and escaped; a self-closing <br /> is <br>.
//   - Entity and character references are decoded and the text is
//     re-escaped one way (& < > " as &amp; &lt; &gt; &quot;), so &#42;,
//     &ast; and * are the same text.
//
// It reads the HTML as a browser does first (x/net/html's parser: unclosed
// elements closed, misnested ones repaired), compares href and src as a
// browser requests them (tabs and newlines dropped, percent-encoding
// decoded), and adds two rules that safe mode makes necessary; all of it
// applied alike to both sides:
//
//   - Comments, processing instructions, declarations and CDATA are
//     dropped: goldmark's safe mode writes every piece of raw HTML as
//     the comment "<!-- raw HTML omitted -->", and on the expected side
//     they are raw HTML, which is not rendered. The text on both sides
//     of a dropped comment or tag is one run (its whitespace collapses).
//   - Elements that CommonMark never produces (div, span, table, …: raw
//     HTML in the spec's Markdown) lose their tags and keep their text,
//     which is what a reader sees of them; a block element among them
//     leaves one newline, as a boundary; script, style and textarea,
//     whose text is not shown as text, are dropped whole. The elements
//     CommonMark produces are: p h1–h6 ul ol li blockquote pre code hr br
//     em strong a img.
func normalizeHTML(h string) string {
	z := xhtml.NewTokenizer(strings.NewReader(domHTML(h)))
	var b strings.Builder
	inPre := 0
	skip := "" // an element dropped with its content
	skipN := 0
	last, lastTag := "", ""
	rstrip := func() {
		s := b.String()
		t := strings.TrimRight(s, " \t\n\r\f")
		if len(t) != len(s) {
			b.Reset()
			b.WriteString(t)
		}
	}
	// A dropped block element still separates what is before it from
	// what is after it: it leaves one newline.
	dropTag := func(name string) {
		if normBlock[name] {
			rstrip()
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			last, lastTag = "start", name
		}
	}
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		tok := z.Token()
		name := tok.Data
		if skip != "" {
			switch {
			case tt == xhtml.StartTagToken && name == skip:
				skipN++
			case tt == xhtml.EndTagToken && name == skip:
				if skipN--; skipN == 0 {
					skip = ""
				}
			}
			continue
		}
		switch tt {
		case xhtml.TextToken:
			data := tok.Data
			afterTag := last == "start" || last == "end"
			if afterTag && lastTag == "br" {
				data = strings.TrimLeft(data, "\n")
			}
			if inPre == 0 {
				data = wsRE.ReplaceAllString(data, " ")
				if afterTag && normBlock[lastTag] {
					if last == "start" {
						data = strings.TrimLeft(data, " ")
					} else {
						data = strings.TrimSpace(data)
					}
				}
			}
			if inPre == 0 && last == "data" && strings.HasPrefix(data, " ") && strings.HasSuffix(b.String(), " ") {
				// Text on both sides of a dropped comment or tag is one
				// run, whose whitespace collapses.
				data = data[1:]
			}
			b.WriteString(html.EscapeString(data))
			last = "data"
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if normDropWhole[name] && tt == xhtml.StartTagToken {
				skip, skipN = name, 1
				continue
			}
			if !normKept[name] {
				dropTag(name)
				continue
			}
			if name == "pre" {
				inPre++
			}
			if normBlock[name] {
				rstrip()
			}
			b.WriteString("<" + name)
			attrs := tok.Attr
			sort.Slice(attrs, func(i, j int) bool { return attrs[i].Key < attrs[j].Key })
			for _, a := range attrs {
				v := a.Val
				if a.Key == "href" || a.Key == "src" {
					v = urlAsRead(v)
				}
				b.WriteString(" " + a.Key + `="` + html.EscapeString(v) + `"`)
			}
			b.WriteString(">")
			last, lastTag = "start", name
		case xhtml.EndTagToken:
			if !normKept[name] {
				dropTag(name)
				continue
			}
			if name == "pre" && inPre > 0 {
				inPre--
			} else if normBlock[name] {
				rstrip()
			}
			b.WriteString("</" + name + ">")
			last, lastTag = "end", name
		}
	}
	return strings.TrimSpace(b.String())
}

var wsRE = regexp.MustCompile(`\s+`)

// domHTML parses h as a browser parses the content of <body> and writes
// the result back, so that unclosed elements are closed and misnested
// ones repaired the way a reader's browser does it.
func domHTML(h string) string {
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	// The newline that ends every example is trimmed first: a browser
	// would reopen an unclosed <a> around it after the paragraph.
	nodes, err := xhtml.ParseFragment(strings.NewReader(strings.TrimSpace(h)), body)
	if err != nil {
		return h
	}
	var b strings.Builder
	for _, n := range nodes {
		if err := xhtml.Render(&b, n); err != nil {
			return h
		}
	}
	return b.String()
}

// urlAsRead returns an href or src as a browser reads it: ASCII tabs and
// newlines removed (the URL parser drops them) and percent-encoding
// decoded, since goldmark percent-encodes characters such as ö, \ and `
// that raw HTML leaves as written and both forms request the same URL.
func urlAsRead(u string) string {
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	if d, err := url.PathUnescape(u); err == nil {
		return d
	}
	return u
}

// normBlock are the block tags of normalize.py.
var normBlock = setOf("article header aside hgroup blockquote hr iframe body li map button object canvas ol caption output col p colgroup pre dd progress div section dl table td dt tbody embed textarea fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style")

// normKept are the elements CommonMark's HTML renderer produces.
var normKept = setOf("p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code hr br em strong a img")

var normDropWhole = setOf("script style textarea")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// readKnownFailures reads the list: one example number per line, then a
// reason; # starts a comment.
func readKnownFailures(name string) (map[int]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	known := map[int]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		num, reason, _ := strings.Cut(line, " ")
		i, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not an example number: %q", name, n, num)
		}
		known[i] = strings.TrimSpace(reason)
	}
	return known, sc.Err()
}

func writeKnownFailures(name string, failed map[int]string, known map[int]string) error {
	var nums []int
	for n := range failed {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	var b bytes.Buffer
	b.WriteString("# CommonMark spec examples that do not survive HTML → Article → Markdown →\n")
	b.WriteString("# HTML (see TestCommonMarkFidelity in fidelity_test.go): the example\n")
	b.WriteString("# number, then why. The list may only shrink.\n")
	for _, n := range nums {
		reason := known[n]
		if reason == "" {
			reason = failed[n] + ": ?"
		}
		fmt.Fprintf(&b, "%d %s\n", n, reason)
	}
	return os.WriteFile(name, b.Bytes(), 0o644)
}

package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"
)

// stockMarkdown is goldmark as it comes, with our extensions: the oracle
// our HTML parsers must agree with node for node.
var stockMarkdown = goldmark.New(goldmark.WithExtensions(goldmarkExtensions...))

// goldmarkHTMLCases are inputs written for the corners of goldmark's HTML
// patterns, where a hand-written reader is likeliest to differ.
var goldmarkHTMLCases = []string{
	// Comments, processing instructions, declarations, CDATA.
	"<!-- unterminated\ncomment\n\npara\n", "<!-->\n", "<!--->\n", "a <!--> b\n", "a <!---> b\n",
	"a <!-- x\ny --> z\n", "a <!-- x\n\ny --> z\n", "<!-- a -->\nb\n", "<!-- a\nb -->c\nd\n",
	"<? no end\n\nx\n", "a <?x y\n", "a <?x\ny?> z\n", "<?x?>\nb\n",
	"<!DOCTYPE html>\nx\n", "<!doctype html>\nx\n", "a <!DOCTYPE x> b\n", "a <!doctype x> b\n", "<!D\nx>\n",
	"<![CDATA[ x ]]>\ny\n", "<![CDATA[\nx\n]]>\ny\n", "a <![CDATA[ x\n", "a <![CDATA[ x ]]> y\n",
	// Tags split across lines, quotes holding '>', odd attributes.
	"a <span\nclass=\"x\">b</span>\n", "a <a\n  href='x'\n>b</a>\n", "a </span\n>\n", "a <a\n\nb>\n",
	"a <a title=\"a>b\">x</a>\n", "<div title='>'>\nx\n</div>\n", "a <a title=\"x\ny\">z</a>\n",
	"a <a href=foo/>x\n", "a <a b=c d>\n", "a <a =x>\n", "a <a b = 'c'>\n", "a <a b= >\n", "a <a b='c'd>\n",
	"a <a b=\"c\"/>\n", "a <a b c/ >\n", "a <a_b>\n", "a <a-b c:d._-e>\n", "a <1a>\n", "a </1a>\n",
	"a <a b='\n", "a <a b=\"", "a <a", "a <", "a </", "a </>", "<\n", "</\n", "</>\n",
	// Case, raw-text names, ſ (U+017F) and K (U+212A) under (?i).
	"<DIV>\nx\n\ny\n", "<SCRIPT>\nx\n</SCRIPT>\ny\n", "<Pre>\nx\n</pRe>\ny\n", "<ſcript>\nx\n</ſcript>\ny\n",
	"<script>x</ſcript>\ny\n", "<scripts>\nx\n\ny\n", "<script>\nx\n</script>\ny\n", "<script\nx\n", "<script/>\nx\n",
	"<script/x\n\ny\n", "<style\ta>\n", "<textarea>\n\n</textarea>\n", "<textarea/>\n", "<pre>x</pre>\ny\n",
	"<script>\n</style>\nx\n", "<scrİpt>\n", "<STYLE>x</Style>\ny\n",
	// Type 6 and 7, interrupting paragraphs.
	"para\n<custom>\nmore\n", "<custom>\nx\n\ny\n", "para\n<div>\nx\n", "para\n</div>\nx\n", "<custom x='1'>\n",
	"</custom a>\nx\n", "</ custom a>\nx\n", "</ custom>\nx\n", "</div a>\nx\n", "<custom>  \nx\n", "<custom> x\n",
	"<div\t>\nx\n", "<div\tclass=x>\nx\n", "a <a\tb>\n", "<a\tb>\nx\n", "<div/>\nx\n", "<div/ >\nx\n",
	"<div\n", "<div x\n", "<divx>\n", "<h7>\nx\n", "<H1>x\n", "<search>\nx\n", "<Custom/>\n", "<a/b>\n",
	"    <div>\n", "   <div>\n", "\t<div>\n", "   <custom>\n", " <!--x\n", "- <div>\n  x\n", "> <span>\n> x\n",
	"<del>*x*</del>\n", "<del>\n*x*\n</del>\n", "<custom>\n\n", "x\n\n<custom>\n<custom>\n",
	// Bytes goldmark's rune reader stops at: invalid UTF-8, U+FFFD, NUL.
	"a <b title=\"\xff\">x\n", "a <b title=\"\uFFFD\">x\n", "a <b t=\xff>\n", "a <b t=é>\n", "a <b t=\"é\">\n",
	"a <b c=\x00>\n", "<div t=\"\xff\">\nx\n", "<x t=\"\xff\">\nx\n", "a <b\xff>\n", "a <b t=\"\xe4\xb8\">\n",
	// Line ends.
	"<div>\r\nx\r\n\r\ny\r\n", "a <b\r\nc>d\r\n", "a <b\rc>\n", "a <b\r>\n", "a </b\r\n>\n", "a </b\r>\n",
	"<custom>\r\nx\r\n", "<custom>\r", "a <b  \nc>\n", "a <b\\\nc>\n", "a\\\n<b\nc>\n",
	// Containers, tables, links and autolinks beside raw HTML.
	"- <span\n  a='1'>x\n", "  - \t<b>\n", "> a <b\n> c='x'>\n", "> a <b\nc='x'>\n",
	"-\t<b\n\tc='1'>x\n", "1.\ta <b\n\t\tc\n\t\t>\n", ">\ta <b\n>\tc>\n", "- a\n\t<b\n  c>\n", ">  a </b\n>\t>\n",
	"| a | <b>x</b> |\n|---|---|\n| <i\n", "| <b c='|'> |\n|---|\n", "[<b>x</b>](y)\n", "[a <b\nc>](d)\n",
	"<http://a.b/c>\n", "<a@b.c>\n", "<a href=\"x\">http://a.b</a>\n", "www.a.b <b>c</b>\n",
	"`<b>` <b>`</b>`\n", "*<b>*</b>\n", "[^1]\n\n[^1]: <b\nc>d\n",
	// Bare links: schemes, domains, ports, paths, the 256-byte domain cap,
	// trailing punctuation, e-mail addresses.
	"http://a.b https://x.y.z/p?q=1&r=2). ftp://a.b/c\n", "see (http://a.b/c) and (http://a.b/(c))\n",
	"http://a.b:80/x http://a.b:/x http://a.b:8a\n", "http://A.B http://a.bC http://a..b http://a.b.\n",
	"www.a.b www.a www.a.b$x http://a.b$x www.a.b/$x\n", "http:a.b https// http:// www. www.a.\n",
	"x@y.z a.b@c.d. a@b.c- a@b.c_ www.x@y.com www.a@b.C a@b\n", "http://a.b/&amp; http://a.b/x&y; http://a.b/&;\n",
	"*http://a.b* _www.a.b_ ~http://a.b~ **www.a.b**\n", "http://a.b-c.d http://例え.jp http://a.b/é\n",
	"http://" + strings.Repeat("a.", 130) + "com/x\n", "www." + strings.Repeat("a", 300) + ".com\n",
	"http://a.b/<b>c</b> <http://a.b> [http://a.b](c) [x](http://a.b) `http://a.b`\n",
	"http://a.b?!.,:*_~ http://a.b/x;y http://a.b/\"x\">\n", "http://a.b/%20'q'{}[]^`\n",
	"x " + strings.Repeat("a", 63) + "@b.c " + strings.Repeat("a", 64) + "@b.c " + strings.Repeat("a", 65) + "@b.c\n",
	"hfw wwwa.b htt http: ftp:/a.b h@a.b f@a.b w@a.b.\n",
	// Task check boxes.
	"- [ ] a\n- [x] b\n- [X]\n- [\t]  c\n- [\f]\td\n- [\v] e\n- [y] f\n- [] g\n- [ ]\n", "- a [ ] b\n- [x]\n  [x] c\n",
	"1. [x] a\n> - [ ] b\n- - [x] c\n- [x]\r\n- [ ]x\n", "- [ ] [x] a\n- *[x]* b\n- [link](x)\n- [x]: y\n",
}

// TestGoldmarkHTMLSame parses every input we have with stock goldmark and
// with our configuration and requires the same AST, field for field.
func TestGoldmarkHTMLSame(t *testing.T) {
	inputs := goldmarkTestInputs(t)
	for _, in := range inputs {
		if msg := compareGoldmark([]byte(in.src)); msg != "" {
			t.Errorf("%s: %q\n%s", in.name, in.src, msg)
		}
	}
	t.Logf("%d inputs", len(inputs))
}

// FuzzGoldmarkHTML is TestGoldmarkHTMLSame on arbitrary input.
func FuzzGoldmarkHTML(f *testing.F) {
	for _, in := range goldmarkTestInputs(f) {
		f.Add([]byte(in.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if msg := compareGoldmark(src); msg != "" {
			t.Fatalf("%q\n%s", src, msg)
		}
	})
}

type goldmarkInput struct{ name, src string }

// goldmarkTestInputs gathers the hand-written cases, the CommonMark spec
// examples, the golden inputs and the corpus (each when present).
func goldmarkTestInputs(t testing.TB) []goldmarkInput {
	t.Helper()
	var ins []goldmarkInput
	for i, s := range goldmarkHTMLCases {
		ins = append(ins, goldmarkInput{fmt.Sprintf("case %d", i), s})
	}
	for _, ex := range goldmarkSpecExamples(t) {
		ins = append(ins, goldmarkInput{fmt.Sprintf("spec example %d (%s)", ex.Example, ex.Section), ex.Markdown})
	}
	goldens, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, file := range goldens {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "input" {
				ins = append(ins, goldmarkInput{file, string(f.Data)})
			}
		}
	}
	filepath.WalkDir("../shared/corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ins = append(ins, goldmarkInput{path, string(data)})
			if body, ok := afterFrontMatter(data); ok {
				ins = append(ins, goldmarkInput{path + " (body)", string(body)})
			}
		}
		return nil
	})
	return ins
}

// afterFrontMatter returns what follows a front matter block delimited by
// --- or +++, roughly: the body the parser hands goldmark.
func afterFrontMatter(data []byte) ([]byte, bool) {
	for _, delim := range []string{"---", "+++"} {
		if bytes.HasPrefix(data, []byte(delim)) {
			if i := bytes.Index(data[3:], []byte("\n"+delim)); i >= 0 {
				rest := data[3+i+1+len(delim):]
				if j := bytes.IndexByte(rest, '\n'); j >= 0 {
					return rest[j+1:], true
				}
			}
		}
	}
	return nil, false
}

// goldmarkSpecExamples reads the CommonMark spec examples from the
// goldmark module, as fidelity_test.go does, or returns none.
func goldmarkSpecExamples(t testing.TB) []struct {
	Markdown, Section string
	Example           int
} {
	t.Helper()
	var examples []struct {
		Markdown, Section string
		Example           int
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Logf("no CommonMark spec examples: go list: %v", err)
		return nil
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "_test", "spec.json"))
	if err != nil {
		t.Logf("no CommonMark spec examples: %v", err)
		return nil
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	return examples
}

// compareGoldmark parses src both ways and describes the first difference
// between the two ASTs, or returns "".
func compareGoldmark(src []byte) string {
	want, wantPanic := goldmarkDump(stockMarkdown, src)
	got, gotPanic := goldmarkDump(markdown, src)
	if wantPanic != gotPanic {
		return fmt.Sprintf("stock goldmark panics: %v; ours panics: %v", wantPanic, gotPanic)
	}
	if got == want {
		return ""
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("AST differs at line %d:\nours:  %s\nstock: %s\n--- ours:\n%s\n--- stock:\n%s", i+1, g[i], w[i], got, want)
		}
	}
	return fmt.Sprintf("AST differs in length:\n--- ours:\n%s\n--- stock:\n%s", got, want)
}

// goldmarkDump parses src with md and dumps the AST; a panic (goldmark's own
// bugs, which both parsers share) is reported instead.
func goldmarkDump(md goldmark.Markdown, src []byte) (dump string, panicked bool) {
	defer func() {
		if recover() != nil {
			dump, panicked = "", true
		}
	}()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			depth := 0
			for p := n.Parent(); p != nil; p = p.Parent() {
				depth++
			}
			fmt.Fprintf(&b, "%s%s ", strings.Repeat("  ", depth), n.Kind())
			goldmarkDumpValue(&b, reflect.ValueOf(n), 0)
			b.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
	return b.String(), false
}

var goldmarkNodeType = reflect.TypeFor[ast.Node]()

// goldmarkDumpValue writes every field of a node, exported or not (segments,
// lines, HTMLBlockType, ClosureLine, attributes, flags, positions), but
// not the links to other nodes (fields of type ast.Node), which the walk
// shows as the tree.
func goldmarkDumpValue(b *strings.Builder, v reflect.Value, depth int) {
	if depth > 8 {
		b.WriteString("…")
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		goldmarkDumpValue(b, v.Elem(), depth+1)
	case reflect.Struct:
		b.WriteString("{")
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Type == goldmarkNodeType {
				continue
			}
			fmt.Fprintf(b, "%s:", f.Name)
			goldmarkDumpValue(b, v.Field(i), depth+1)
			b.WriteString(" ")
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			fmt.Fprintf(b, "%q", string(v.Bytes()))
			return
		}
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			goldmarkDumpValue(b, v.Index(i), depth+1)
			b.WriteString(" ")
		}
		b.WriteString("]")
	case reflect.Map:
		fmt.Fprintf(b, "map(%d)", v.Len())
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	case reflect.Bool:
		fmt.Fprint(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		fmt.Fprint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		fmt.Fprint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		fmt.Fprint(b, v.Float())
	default:
		fmt.Fprintf(b, "<%s>", v.Kind())
	}
}

// BenchmarkGoldmarkParse parses the corpus bodies with stock goldmark and
// with our configuration, to price the parsers we replaced.
func BenchmarkGoldmarkParse(b *testing.B) {
	var bodies [][]byte
	size := 0
	for _, in := range goldmarkTestInputs(b) {
		if strings.HasSuffix(in.name, " (body)") {
			bodies = append(bodies, []byte(in.src))
			size += len(in.src)
		}
	}
	if len(bodies) == 0 {
		b.Skip("corpus not found at ../shared/corpus")
	}
	for _, bm := range []struct {
		name string
		md   goldmark.Markdown
	}{{"stock", stockMarkdown}, {"ours", markdown}, {"fast", fastMarkdown}} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			n, cpu := 0, cpuTime()
			for b.Loop() {
				for _, src := range bodies {
					bm.md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
				}
				n++
			}
			if cpu := cpuTime() - cpu; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
			}
		})
	}
}

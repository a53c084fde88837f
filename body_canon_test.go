package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// canonUnchanged reports whether canonRun and trimAroundBreaks, the slow
// path of canonInlines, give back in: equal trees, positions and source
// lines included. Only the top level may turn an empty list into nil,
// since canonInlines returns nil for both.
func canonUnchanged(in []Inline) bool {
	out := trimAroundBreaks(canonRun(in, 0, ""))
	if len(in) == 0 {
		return len(out) == 0
	}
	return reflect.DeepEqual(out, in)
}

// checkCanon fails t if isCanonical accepts in and the slow path changes
// it, and returns what each said.
func checkCanon(t *testing.T, in []Inline) (accepted, unchanged bool) {
	t.Helper()
	accepted = isCanonical(in, 0, "")
	unchanged = canonUnchanged(in)
	if accepted && !unchanged {
		out := trimAroundBreaks(canonRun(in, 0, ""))
		t.Errorf("isCanonical accepts %s, but canonRun makes it %s", dumpInlinesCanon(in), dumpInlinesCanon(out))
	}
	return accepted, unchanged
}

// dumpInlinesCanon shows in with positions and source lines, which
// dumpBlocks leaves out.
func dumpInlinesCanon(in []Inline) string {
	var b strings.Builder
	var dump func([]Inline)
	dump = func(in []Inline) {
		for i, x := range in {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch x := x.(type) {
			case *Text:
				fmt.Fprintf(&b, "%q", x.Text)
				if x.Pos != (Pos{}) || x.lines != nil {
					fmt.Fprintf(&b, "@%v%v", x.Pos, x.lines)
				}
			case *Emphasis:
				b.WriteString("em(")
				dump(x.Text)
				b.WriteByte(')')
			case *Strong:
				b.WriteString("strong(")
				dump(x.Text)
				b.WriteByte(')')
			case *Strike:
				b.WriteString("del(")
				dump(x.Text)
				b.WriteByte(')')
			case *Link:
				fmt.Fprintf(&b, "a[%s nil=%v](", x.Href, x.Text == nil)
				dump(x.Text)
				b.WriteByte(')')
			case *CodeSpan:
				fmt.Fprintf(&b, "code(%q)", x.Text)
			case *LineBreak:
				b.WriteString("br")
			case nil:
				b.WriteString("nil")
			default:
				fmt.Fprintf(&b, "%T", x)
			}
		}
	}
	dump(in)
	return "[" + b.String() + "]"
}

// Short constructors for hand-made trees.
func tx(s string) *Text                 { return &Text{Text: s} }
func em(k ...Inline) *Emphasis          { return &Emphasis{Text: k} }
func st(k ...Inline) *Strong            { return &Strong{Text: k} }
func del(k ...Inline) *Strike           { return &Strike{Text: k} }
func cs(s string) *CodeSpan             { return &CodeSpan{Text: s} }
func br() *LineBreak                    { return &LineBreak{} }
func ln(href string, k ...Inline) *Link { return &Link{Href: href, Text: k} }

// nested wraps x in n emphases.
func nested(n int, x Inline) Inline {
	for range n {
		x = em(x)
	}
	return x
}

func TestIsCanonical(t *testing.T) {
	lined := func(s string, offs ...int) *Text {
		x := &Text{Text: s, Pos: Pos{Line: 1, Col: 1}}
		for _, o := range offs {
			x.lines = append(x.lines, textLine{o, Pos{Line: 2, Col: 1}})
		}
		return x
	}
	tests := []struct {
		name string
		in   []Inline
		want bool // canonical: canonRun gives in back
	}{
		{"empty", nil, true},
		{"one text", []Inline{tx("a")}, true},
		{"flat", []Inline{tx("a "), cs("x"), tx(" b"), &Image{Src: "i"}, &FootnoteRef{Label: "1"}}, true},
		{"empty text", []Inline{tx("a"), tx("")}, false},
		{"only an empty text", []Inline{tx("")}, false},
		{"adjacent texts", []Inline{tx("a"), tx("b")}, false},
		{"empty code", []Inline{tx("a"), cs("")}, false},
		{"adjacent code", []Inline{cs("a"), cs("b")}, false},
		{"code, image, code", []Inline{cs("a"), &Image{}, cs("b")}, true},
		{"nil entry", []Inline{tx("a"), nil}, false},
		{"nil between texts", []Inline{tx("a"), nil, tx("b")}, false},

		{"emphasis", []Inline{tx("a "), em(tx("b")), tx(" c")}, true},
		{"emphasis of code", []Inline{em(cs("b"))}, true},
		{"empty emphasis", []Inline{tx("a"), em()}, false},
		{"emphasis of an empty text", []Inline{tx("a"), em(tx(""))}, false},
		{"emphasis of a space", []Inline{tx("a"), em(tx(" ")), tx("b")}, false},
		{"leading space in emphasis", []Inline{em(tx(" b"))}, false},
		{"trailing space in emphasis", []Inline{em(tx("b "))}, false},
		{"trailing space in strong", []Inline{st(tx("b "))}, false},
		{"leading space in strike", []Inline{del(tx(" b"))}, false},
		{"space inside emphasis", []Inline{em(tx("a b"))}, true},
		{"tab at emphasis edge", []Inline{em(tx("\tb\t"))}, true},
		{"space in nested emphasis", []Inline{st(em(tx(" b")))}, false},
		{"space at edge of inner text", []Inline{em(cs("x"), tx(" b"))}, true},
		{"space before code in emphasis", []Inline{em(tx("b "), cs("x"))}, true},
		{"adjacent emphases", []Inline{em(tx("a")), em(tx("b"))}, false},
		{"adjacent strongs", []Inline{st(tx("a")), st(tx("b"))}, false},
		{"adjacent strikes", []Inline{del(tx("a")), del(tx("b"))}, false},
		{"emphasis then strong", []Inline{em(tx("a")), st(tx("b")), del(tx("c"))}, true},
		{"emphases apart", []Inline{em(tx("a")), tx(" "), em(tx("b"))}, true},
		{"emphases around a nil", []Inline{em(tx("a")), nil, em(tx("b"))}, false},
		{"emphasis in emphasis", []Inline{em(em(tx("a")))}, true},
		{"strong in strong", []Inline{st(st(tx("a")))}, true},
		{"strike in strike", []Inline{del(del(tx("a")))}, false},
		{"strike in emphasis in strike", []Inline{del(em(del(tx("a"))))}, true},
		{"strike in link in strike", []Inline{del(ln("u", del(tx("a"))))}, true},
		{"adjacent texts in emphasis", []Inline{em(tx("a"), tx("b"))}, false},
		{"adjacent code in strong", []Inline{st(cs("a"), cs("b"))}, false},

		{"link", []Inline{tx("see "), ln("u", tx("here")), tx(".")}, true},
		{"link without text", []Inline{ln("u")}, true},
		{"link with empty text list", []Inline{&Link{Href: "u", Text: []Inline{}}}, false},
		{"link with empty text", []Inline{ln("u", tx(""))}, false},
		{"link with edge spaces", []Inline{ln("u", tx(" a "))}, true},
		{"link of a space", []Inline{ln("u", tx(" "))}, true},
		{"adjacent links", []Inline{ln("u", tx("a")), ln("v", tx("b"))}, true},
		{"link with adjacent texts", []Inline{ln("u", tx("a"), tx("b"))}, false},
		{"link with title", []Inline{&Link{Href: "u", Title: "t", Text: []Inline{tx("a")}}}, true},
		{"emphasis in link", []Inline{ln("u", em(tx("a")))}, true},
		{"spaced emphasis in link", []Inline{ln("u", em(tx("a ")))}, false},

		{"break", []Inline{tx("a"), br(), tx("b")}, true},
		{"space before break", []Inline{tx("a "), br(), tx("b")}, false},
		{"space after break", []Inline{tx("a"), br(), tx(" b")}, false},
		{"space before break, after code", []Inline{tx("a "), cs("c"), br(), tx("b")}, true},
		{"space-only text between breaks", []Inline{br(), tx(" "), br()}, false},
		{"breaks", []Inline{br(), br()}, true},
		{"break in emphasis", []Inline{em(tx("a"), br(), tx("b"))}, true},
		{"space before break in emphasis", []Inline{em(tx("a "), br(), tx("b"))}, false},
		{"space after break in link", []Inline{ln("u", br(), tx(" b"))}, false},
		{"space next to a break outside emphasis", []Inline{tx("a"), br(), em(tx("b"))}, true},
		{"text with lines", []Inline{lined("a b", 2)}, true},
		{"text with lines beside a break", []Inline{lined("a b", 2), br()}, true},
		{"line at the start, beside a break", []Inline{lined("a b", 0), br()}, false},
		{"line at the end, beside a break", []Inline{lined("a b", 3), br()}, false},
		{"empty lines beside a break", []Inline{&Text{Text: "a", lines: []textLine{}}, br()}, false},
		{"line at the start, no break", []Inline{lined("a b", 0)}, true},

		{"emphasis below maxDepth", []Inline{nested(maxDepth, tx("a"))}, true},
		{"emphasis at maxDepth", []Inline{nested(maxDepth+1, tx("a"))}, false},
		{"link at maxDepth", []Inline{nested(maxDepth, ln("u", tx("a")))}, true},
		{"strong at maxDepth", []Inline{nested(maxDepth, st(tx("a")))}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			accepted, unchanged := checkCanon(t, tt.in)
			if unchanged != tt.want {
				t.Errorf("canonRun leaves it unchanged: %v, want %v", unchanged, tt.want)
			}
			if accepted != tt.want {
				t.Errorf("isCanonical = %v, want %v", accepted, tt.want)
			}
		})
	}
}

// canonSources returns the inputs of the goldens and of the corpus (when
// present), each with the name it is parsed as.
func canonSources(t *testing.T) (names []string, srcs [][]byte) {
	goldens, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, file := range goldens {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var cfg struct{ Name string }
		if c := bytes.TrimSpace(ar.Comment); len(c) > 0 {
			if err := json.Unmarshal(c, &cfg); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
		}
		if cfg.Name == "" {
			cfg.Name = "input.md"
		}
		for _, f := range ar.Files {
			if f.Name == "input" {
				names, srcs = append(names, cfg.Name), append(srcs, f.Data)
			}
		}
	}
	const dir = "../shared/corpus"
	if _, err := os.Stat(dir); err != nil {
		t.Logf("corpus not found at %s (it is beside the repository, not in it): checking the goldens only", dir)
		return names, srcs
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".md", ".markdown", ".html", ".htm":
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			names, srcs = append(names, path), append(srcs, data)
		}
		return nil
	})
	return names, srcs
}

// TestIsCanonicalReal checks isCanonical on every list canonInlines is
// given while parsing the goldens and the corpus, and reports how many of
// the lists canonRun leaves unchanged it lets skip canonRun.
func TestIsCanonicalReal(t *testing.T) {
	names, srcs := canonSources(t)
	var lists, accepted, unchanged, flat, nonFlat int
	canonHook = func(in []Inline) {
		lists++
		a, u := checkCanon(t, in)
		if a {
			accepted++
			if isFlatList(in) {
				flat++
			} else {
				nonFlat++
			}
		}
		if u {
			unchanged++
		}
	}
	defer func() { canonHook = nil }()
	for i, src := range srcs {
		new(Parser).ParseBytes(names[i], src) // some corpus files must fail
	}
	t.Logf("%d files, %d lists: %d accepted (%d flat, %d with containers or breaks), %d left unchanged by canonRun",
		len(srcs), lists, accepted, flat, nonFlat, unchanged)
	if accepted != unchanged {
		t.Logf("isCanonical declines %d lists that canonRun leaves unchanged", unchanged-accepted)
	}
}

// isFlatList reports whether in holds no container and no line break.
func isFlatList(in []Inline) bool {
	for _, x := range in {
		switch x.(type) {
		case *Emphasis, *Strong, *Strike, *Link, *LineBreak:
			return false
		}
	}
	return true
}

// TestIsCanonicalRandom checks isCanonical on random trees, most of them
// nearly canonical, some nested past maxDepth.
func TestIsCanonicalRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	texts := []string{"a", "ab", "a b", "中文", " a", "a ", " ", "  ", "", "\ta", "a\u3000"}
	var gen func(depth, max int) []Inline
	leaf := func() Inline {
		switch r.Intn(12) {
		case 0:
			return cs([]string{"x", "", "y z"}[r.Intn(3)])
		case 1:
			return br()
		case 2:
			return &Image{Src: "i"}
		case 3:
			return &FootnoteRef{Label: "1"}
		case 4:
			if r.Intn(20) == 0 {
				return nil
			}
			fallthrough
		default:
			s := texts[r.Intn(len(texts))]
			if r.Intn(3) > 0 {
				s = strings.TrimSpace(s) // mostly canonical
				if s == "" {
					s = "a"
				}
			}
			x := &Text{Text: s, Pos: Pos{Line: r.Intn(3), Col: 1}}
			if r.Intn(4) == 0 {
				x.lines = []textLine{{r.Intn(len(s) + 1), Pos{Line: 9}}}
			}
			return x
		}
	}
	gen = func(depth, max int) []Inline {
		n := r.Intn(4)
		if depth == 0 {
			n++
		}
		var out []Inline
		for range n {
			if depth >= max || r.Intn(3) > 0 {
				out = append(out, leaf())
				continue
			}
			kids := gen(depth+1, max)
			switch r.Intn(4) {
			case 0:
				out = append(out, &Emphasis{Text: kids})
			case 1:
				out = append(out, &Strong{Text: kids})
			case 2:
				out = append(out, &Strike{Text: kids})
			default:
				if len(kids) == 0 && r.Intn(2) == 0 {
					kids = nil
				}
				out = append(out, &Link{Href: "u", Text: kids})
			}
		}
		return out
	}
	// chain nests a random tree in containers down to about maxDepth.
	chain := func() []Inline {
		n := maxDepth - 3 + r.Intn(6)
		inner := gen(0, 3)
		for range n {
			switch r.Intn(8) {
			case 0:
				inner = []Inline{&Strong{Text: inner}}
			case 1:
				inner = []Inline{&Link{Href: "u", Text: inner}}
			default:
				inner = []Inline{&Emphasis{Text: inner}}
			}
		}
		return inner
	}
	var trees, accepted, unchanged int
	for i := range 20000 {
		var in []Inline
		if i%100 == 0 {
			in = chain()
		} else {
			in = gen(0, 4)
		}
		trees++
		a, u := checkCanon(t, in)
		if a {
			accepted++
		}
		if u {
			unchanged++
		}
		if t.Failed() {
			break
		}
	}
	t.Logf("%d trees: %d accepted, %d left unchanged by canonRun", trees, accepted, unchanged)
	if accepted < trees/10 {
		t.Errorf("only %d of %d trees accepted: the generator makes too few canonical trees to test", accepted, trees)
	}
}

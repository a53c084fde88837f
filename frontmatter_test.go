package article

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		format Format
		block  string
		body   string
		err    error
	}{
		{"yaml", "---\na: 1\n---\nbody\n", FormatYAML, "a: 1\n", "body\n", nil},
		{"yaml dots", "---\na: 1\n...\nbody", FormatYAML, "a: 1\n", "body", nil},
		{"yaml trailing spaces on delimiters", "---  \na: 1\n--- \nbody", FormatYAML, "a: 1\n", "body", nil},
		{"blank lines before", "\n  \n---\na: 1\n---\nbody", FormatYAML, "a: 1\n", "body", nil},
		{"empty yaml", "---\n---\nbody", FormatYAML, "", "body", nil},
		{"no body", "---\na: 1\n---", FormatYAML, "a: 1\n", "", nil},
		{"toml", "+++\na = 1\n+++\nbody", FormatTOML, "a = 1\n", "body", nil},
		{"json", "{\n \"a\": 1\n}\n\nbody", FormatJSON, "{\n \"a\": 1\n}", "\nbody", nil},
		{"json one line", "{\"a\": {\"b\": \"}\"}}\nbody", FormatJSON, "{\"a\": {\"b\": \"}\"}}", "body", nil},
		{"empty json", "{}\nbody", FormatJSON, "{}", "body", nil},
		{"none", "# Title\n", FormatNone, "", "# Title\n", nil},
		{"liquid is not json", "{% raw %}\nx\n", FormatNone, "", "{% raw %}\nx\n", nil},
		{"shortcode is not json", "{{< x >}}\n", FormatNone, "", "{{< x >}}\n", nil},
		{"four dashes is not yaml", "----\nx\n", FormatNone, "", "----\nx\n", nil},
		{"empty input", "", FormatNone, "", "", nil},
		{"unterminated yaml", "---\na: 1\n", FormatNone, "", "", ErrUnterminatedFrontMatter},
		{"unterminated toml", "+++\na = 1\n---\n", FormatNone, "", "", ErrUnterminatedFrontMatter},
		{"unterminated json", "{\n\"a\": 1\n", FormatNone, "", "", ErrUnterminatedFrontMatter},
		{"bad json", "{\n\"a\": 1,,\n}\n", FormatNone, "", "", ErrFrontMatter},
		{"text after json", "{\"a\": 1} x\n", FormatNone, "", "", ErrFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitFrontMatter([]byte(tt.in))
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.format != tt.format || string(got.block) != tt.block || string(got.body) != tt.body {
				t.Errorf("got (%q, %q, %q), want (%q, %q, %q)", got.format, got.block, got.body, tt.format, tt.block, tt.body)
			}
		})
	}
}

// dumpFields writes fields as key=kind:text lines, nesting with dots.
func dumpFields(fields []Field, prefix string, b *strings.Builder) {
	for _, f := range fields {
		dumpValue(f.Value, prefix+f.Key, b)
	}
}

func dumpValue(v Value, path string, b *strings.Builder) {
	switch v.Kind {
	case KindMap:
		b.WriteString(path + "={}\n")
		dumpFields(v.Map, path+".", b)
	case KindList:
		b.WriteString(path + "=[]\n")
		for i, e := range v.List {
			dumpValue(e, path+"["+string(rune('0'+i))+"]", b)
		}
	default:
		b.WriteString(path + "=" + string(v.Kind) + ":" + v.Text + "\n")
	}
}

func TestDecodeFields(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"yaml kinds", "---\ns: text\nq: '2022-01-23'\nd: 2022-01-23\nj: 2022-01-23 20:41:05 +0800\ni: 42\nf: 1.5\nb: true\nn:\nl: [a, 'b c']\nm:\n  k: v\n---\n",
			"s=string:text\nq=string:2022-01-23\nd=time:2022-01-23\nj=string:2022-01-23 20:41:05 +0800\ni=int:42\nf=float:1.5\nb=bool:true\nn=null:\nl=[]\nl[0]=string:a\nl[1]=string:b c\nm={}\nm.k=string:v\n"},
		{"yaml alias", "---\na: &x hi\nb: *x\n---\n", "a=string:hi\nb=string:hi\n"},
		{"yaml keeps order", "---\nz: 1\na: 2\nm: 3\n---\n", "z=int:1\na=int:2\nm=int:3\n"},
		{"toml kinds", "+++\ns = \"a\\tb\"\nd = 2019-04-25T18:00:00+09:00\nld = 2019-04-25\ni = 7\nf = 2.5\nb = false\nl = [1, 2,]\nt = { x = 1, y.z = \"w\" }\n[extra]\nteam = \"x\"\n[[menu]]\nname = \"a\"\n[[menu]]\nname = \"b\"\n+++\n",
			"s=string:a\tb\nd=time:2019-04-25T18:00:00+09:00\nld=time:2019-04-25\ni=int:7\nf=float:2.5\nb=bool:false\nl=[]\nl[0]=int:1\nl[1]=int:2\nt={}\nt.x=int:1\nt.y={}\nt.y.z=string:w\nextra={}\nextra.team=string:x\nmenu=[]\nmenu[0]={}\nmenu[0].name=string:a\nmenu[1]={}\nmenu[1].name=string:b\n"},
		{"json kinds", "{\"s\": \"x\", \"i\": 3, \"f\": 1e3, \"b\": true, \"n\": null, \"l\": [\"a\"], \"m\": {\"k\": 1}}\n",
			"s=string:x\ni=int:3\nf=float:1e3\nb=bool:true\nn=null:null\nl=[]\nl[0]=string:a\nm={}\nm.k=int:1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := new(Parser).ParseBytes("", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			dumpFields(a.FrontMatter.Fields, "", &b)
			if got := b.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestFieldPositions(t *testing.T) {
	in := "\n---\ntitle: x\ntags:\n  - a\n---\n"
	a, err := new(Parser).ParseBytes("", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	f := a.FrontMatter.Fields
	if got := [2]int{f[0].Value.Line, f[0].Value.Col}; got != [2]int{3, 8} {
		t.Errorf("title value at %v, want 3:8", got)
	}
	if got := [2]int{f[1].Value.List[0].Line, f[1].Value.List[0].Col}; got != [2]int{5, 5} {
		t.Errorf("tags[0] at %v, want 5:5", got)
	}
}

// TestFieldPositionsBytes checks that columns count bytes after
// non-ASCII text on the line (YAML counts characters), whichever YAML
// decoder reads the block.
func TestFieldPositionsBytes(t *testing.T) {
	tests := []struct {
		name, in string
		at       func(f []Field) Value
		line     int
		col      int
	}{
		// "分类: " is 8 bytes; "标签: [新闻, " is 17.
		{"plain", "---\n分类: 新闻\n---\n", func(f []Field) Value { return f[0].Value }, 2, 9},
		{"flow list", "---\n标签: [新闻, b]\n---\n", func(f []Field) Value { return f[0].Value.List[1] }, 2, 18},
		{"yaml.v3 (anchor)", "---\n标签: &x [新闻, b]\n---\n", func(f []Field) Value { return f[0].Value.List[1] }, 2, 21},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := new(Parser).ParseBytes("", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			v := tt.at(a.FrontMatter.Fields)
			if got, want := [2]int{v.Line, v.Col}, [2]int{tt.line, tt.col}; got != want {
				t.Errorf("value %q at %v, want %v", v.Text, got, want)
			}
		})
	}
}

func TestErrorPositions(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		col      int
		err      error
	}{
		{"unterminated after blank lines", "\n\n---\ntitle: x\n", 3, 1, ErrUnterminatedFrontMatter},
		{"yaml line", "---\na: 1\nb: c: d\n---\n", 3, 1, ErrFrontMatter},
		{"yaml after blank lines", "\n---\na: 1\nb: c: d\n---\n", 4, 1, ErrFrontMatter},
		{"duplicate yaml key", "---\na: 1\na: 2\n---\n", 3, 1, ErrDuplicateKey},
		{"duplicate among many yaml keys", "---\n" + manyKeys(40, ": 1\n") + "k7: 2\n---\n", 42, 1, ErrDuplicateKey},
		{"duplicate among many json keys", "{\n" + jsonKeys(40) + "\"k7\": 2}\n", 42, 1, ErrDuplicateKey},
		{"toml", "+++\na = 1\nb = \n+++\n", 3, 5, ErrFrontMatter},
		{"duplicate toml key", "+++\na = 1\na = 2\n+++\n", 3, 1, ErrDuplicateKey},
		{"json", "{\n\"a\": 1,\n\"b\": x\n}\n", 3, 6, ErrFrontMatter},
		{"duplicate json key", "{\n\"a\": 1,\n  \"a\": 2\n}\n", 3, 3, ErrDuplicateKey},
		{"bad date", "---\ntitle: x\ndate: 2022-13-01\n---\n", 3, 7, ErrBadDate},
		{"crlf keeps lines", "---\r\ntitle: x\r\ndate: nope\r\n---\r\n", 3, 7, ErrBadDate},
		{"bom keeps columns", "\ufeff---\ndate: nope\n---\n", 2, 7, ErrBadDate},
		{"nul", "---\na: 1\n---\nab\x00", 4, 3, ErrBinary},
		{"invalid utf-8", "x\n\xff", 2, 1, ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := new(Parser).ParseBytes("f.md", []byte(tt.in))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
			if pe.Line != tt.line || pe.Col != tt.col || pe.Name != "f.md" {
				t.Errorf("at %s:%d:%d, want f.md:%d:%d (%v)", pe.Name, pe.Line, pe.Col, tt.line, tt.col, err)
			}
		})
	}
}

func TestFileNameFields(t *testing.T) {
	tests := []struct {
		name, in   string
		date, slug string
	}{
		{"_posts/2022-01-23-hello-world.md", "---\ntitle: x\n---\n", "2022-01-23T00:00:00Z", "hello-world"},
		{"2017-2-5-unpadded.markdown", "", "2017-02-05T00:00:00Z", "unpadded"},
		{"2022-01-23-dated.md", "---\ndate: 2020-05-06\nslug: own\n---\n", "2020-05-06T00:00:00Z", "own"},
		{"2022-01-23-x.md", "---\ndate:\n---\n", "", "x"},
		{"notes.md", "", "", ""},
		{"2022-13-01-bad-month.md", "", "", ""},
		{"22-01-01-short-year.md", "", "", ""},
		{"-202205262391921712.md", "", "", ""},
	}
	for _, tt := range tests {
		a, err := new(Parser).ParseBytes(tt.name, []byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		date := ""
		if !a.Date.IsZero() {
			date = a.Date.Format(time.RFC3339)
		}
		if date != tt.date || a.Slug != tt.slug {
			t.Errorf("%s: date %q slug %q, want %q %q", tt.name, date, a.Slug, tt.date, tt.slug)
		}
	}
}

// manyKeys returns lines k0…k(n-1), each followed by suffix.
func manyKeys(n int, suffix string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("k" + strconv.Itoa(i) + suffix)
	}
	return b.String()
}

// jsonKeys returns n JSON members, one per line, each ending in a comma.
func jsonKeys(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(`"k` + strconv.Itoa(i) + `": 1,` + "\n")
	}
	return b.String()
}

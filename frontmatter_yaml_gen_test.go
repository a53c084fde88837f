package article

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// A yamlGen builds random front matters out of the pieces the fast
// decoder reads, with a few that it must decline mixed in, so that the
// comparison with yaml.v3 covers far more of the accepted shapes than
// byte mutations reach.
type yamlGen struct {
	r  *rand.Rand
	sb strings.Builder
	n  int
}

var (
	genKeys  = []string{"title", "date", "tags", "a", "b", "my key", "标题", "日期", "a#b", "-k", "1", "true", "~", "<<", "k:k", "a  b"}
	genSeps  = []string{": ", ":  ", ":\t", ": \t", ":"}
	genPlain = []string{
		"x", "hello world", "C# and F#", "a#b", "http://x.com/a?b#c", "b:c", "x, y", "it's", "x]", "-x", "--x",
		"1", "-1", "+1", "0x1F", "0o17", "017", "09", "0b101", "0b-1", "1_000", "_1", "1e3", "1.5", ".5", "1.",
		".inf", "-.Inf", ".nan", "~", "null", "Null", "nULL", "true", "False", "yes", "no", "on", "<<",
		"2022-01-23", "2022-1-2", "2022-02-30", "2022-01-23 20:41:05", "2022-01-23 20:41:05 +0800",
		"2022-01-23T20:41:05+08:00", "2022-01-23T20:41:05", "2022-01-23t20:41:05Z", "2022年1月23日", "中文 标题",
		"1:30", "1.2.3", "18446744073709551616", "..", "x\ty", "a 'b' \"c\"",
	}
	genQuoted = []string{
		`"x"`, `""`, `''`, `'it''s'`, `"a\"b"`, `"\n\t\\"`, `"\x41\u00e9\U0001F600"`, `"a # b"`, `'a: b'`,
		`"  pad  "`, `"中文"`,
	}
	genComments = []string{"", "", "", "", " # c", "\t# c", "  #: c"}
	genBad      = []string{`"\/"`, `"\ud800"`, `"open`, `'open`, "&a x", "*a", "!t x", "|", ">", "{a: 1}", "? x", "- x", "@x", "%x", "`x`", "x: y", "x:"}
)

func (g *yamlGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// scalar writes a value that fits on one line, rarely one that the fast
// decoder declines.
func (g *yamlGen) scalar(flow bool) {
	switch n := g.r.IntN(40); {
	case n < 24:
		g.sb.WriteString(g.pick(genPlain))
	case n < 35:
		g.sb.WriteString(g.pick(genQuoted))
	case n < 39 && !flow:
		g.flow()
	default:
		g.sb.WriteString(g.pick(genBad))
	}
}

// flow writes a flow list, sometimes spread over lines.
func (g *yamlGen) flow() {
	g.sb.WriteString("[")
	n := g.r.IntN(4)
	for i := range n {
		if i > 0 {
			g.sb.WriteString(g.pick([]string{",", ", ", " , ", ",\n  ", ",\n"}))
		} else if g.r.IntN(4) == 0 {
			g.sb.WriteString("\n  ")
		}
		g.scalar(true)
	}
	g.sb.WriteString(g.pick([]string{"]", " ]", "\n]", "]"}))
}

// mapping writes a block map indented by indent.
func (g *yamlGen) mapping(indent string, depth int) {
	n := 1 + g.r.IntN(5)
	for range n {
		switch g.r.IntN(12) {
		case 0:
			g.sb.WriteString("\n")
		case 1:
			g.sb.WriteString(indent + g.pick([]string{"# c", "  # c", "#"}) + "\n")
		}
		g.sb.WriteString(indent + g.pick(genKeys))
		if g.r.IntN(8) > 0 {
			g.n++ // mostly unique keys: duplicates are declined
			g.sb.WriteString(strconv.Itoa(g.n))
		}
		sep := g.pick(genSeps)
		switch n := g.r.IntN(10); {
		case n < 6 && sep != ":":
			g.sb.WriteString(sep)
			g.scalar(false)
			g.sb.WriteString(g.pick(genComments) + "\n")
		case n < 8:
			g.sb.WriteString(":" + g.pick(genComments) + "\n")
			g.list(indent + g.pick([]string{"", "  ", "    ", " "}))
		case n < 9 && depth < 4:
			g.sb.WriteString(":" + g.pick(genComments) + "\n")
			g.mapping(indent+g.pick([]string{"  ", "    ", " "}), depth+1)
		default:
			g.sb.WriteString(":" + g.pick([]string{"", " ", "\t", " # c"}) + "\n")
		}
	}
}

// list writes a block list whose dashes are indented by indent.
func (g *yamlGen) list(indent string) {
	n := 1 + g.r.IntN(4)
	for range n {
		if g.r.IntN(6) > 0 {
			g.sb.WriteString(indent + g.pick([]string{"- ", "-  ", "- "}))
			g.scalar(false)
		} else {
			g.sb.WriteString(indent + g.pick([]string{"-", "- ", "-  "})) // an empty item
		}
		g.sb.WriteString(g.pick(genComments) + "\n")
		if g.r.IntN(30) == 0 {
			g.sb.WriteString(indent + "  continued\n") // declined: more of the scalar
		}
	}
}

// TestYAMLFastGenerated compares the decoders on generated front
// matters and requires the fast one to take a fair share of them.
func TestYAMLFastGenerated(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	g := yamlGen{r: rand.New(rand.NewPCG(1, 2))}
	fast := 0
	for i := range n {
		g.sb.Reset()
		g.mapping("", 0)
		if compareYAMLFast(t, blockAfterDelimiter("generated", []byte(g.sb.String()))) {
			fast++
		}
		if t.Failed() {
			t.Fatalf("stopped at case %d", i)
		}
	}
	t.Logf("the fast decoder takes %d of %d generated front matters", fast, n)
}

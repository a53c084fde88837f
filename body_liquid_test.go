package article

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestLiquidBlocks(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"highlight", "{% highlight ruby %}\ndef x\n  1\nend\n{% endhighlight %}\n",
			"code \"ruby\" \"def x\\n  1\\nend\\n\"\n"},
		{"highlight options dropped", "{% highlight html linenos mark_lines=\"1 4\" %}\n<p>x</p>\n{% endhighlight %}\n",
			"code \"html\" \"<p>x</p>\\n\"\n"},
		{"highlight blank lines and markdown lines", "{% highlight sh %}\n# comment\n\n- not a list\n    indented\n{% endhighlight %}\n\nafter\n",
			"code \"sh\" \"# comment\\n\\n- not a list\\n    indented\\n\"\np \"after\"\n"},
		{"highlight whitespace control", "{%- highlight go -%}\nx := 1\n{%- endhighlight -%}\n",
			"code \"go\" \"x := 1\\n\"\n"},
		{"highlight holding a fence", "{% highlight md %}\n```\ncode\n````\n{% endhighlight %}\n",
			"code \"md\" \"```\\ncode\\n````\\n\"\n"},
		{"highlight in list item", "- item\n\n  {% highlight sh %}\n  ls\n  {% endhighlight %}\n",
			"ul loose\n  -\n    p \"item\"\n    code \"sh\" \"ls\\n\"\n"},
		{"highlight in quote", "> {% highlight sh %}\n> ls\n> {% endhighlight %}\n",
			"quote\n  code \"sh\" \"ls\\n\"\n"},
		{"highlight inside fenced code stays", "```liquid\n{% highlight c %}\nint x;\n{% endhighlight %}\n```\n",
			"code \"liquid\" \"{% highlight c %}\\nint x;\\n{% endhighlight %}\\n\"\n"},
		{"highlight unclosed", "{% highlight go %}\nx\n", `p "{% highlight go %} x"` + "\n"},
		{"highlight inline", "see {% highlight go %}x{% endhighlight %}\n", `p "see {% highlight go %}x{% endhighlight %}"` + "\n"},
		{"raw block", "{% raw %}\n{{ page.title }}\n  {% assign x = 1 %}\n*em* [x](javascript:alert(1))\n{% endraw %}\n",
			"code \"liquid\" \"{% raw %}\\n{{ page.title }}\\n  {% assign x = 1 %}\\n*em* [x](javascript:alert(1))\\n{% endraw %}\\n\"\n"},
		{"capture in list item", "- a\n- {% capture x %}\n  hello\n  {% endcapture %}\n",
			"ul\n  -\n    p \"a\"\n  -\n    code \"liquid\" \"{% capture x %}\\nhello\\n{% endcapture %}\\n\"\n"},
		{"mismatched tags stay text", "{% if a %}\nx\n{% endfor %}\n", `p "{% if a %} x {% endfor %}"` + "\n"},
		{"one-line raw stays text", "{% raw %}{{ x }}{% endraw %}\n", `p "{% raw %}{{ x }}{% endraw %}"` + "\n"},
		{"raw with blank lines is left to markdown", "{% raw %}\n## Title\n\ntext\n{% endraw %}\n",
			"p \"{% raw %}\"\nh2 \"Title\"\np \"text {% endraw %}\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseMarkdownBody([]byte(tt.in), 1)
			if err != nil {
				t.Fatal(err)
			}
			if d := dumpBlocks(got); d != tt.want {
				t.Errorf("parseMarkdownBody(%q):\n got:\n%s\nwant:\n%s", tt.in, d, tt.want)
			}
			checkCanonical(t, got)
		})
	}
}

// TestHighlightKeepsPositions checks that rewriting a highlight block into
// a fence moves no offset: text after it keeps its position.
func TestHighlightKeepsPositions(t *testing.T) {
	src := "{% highlight ruby linenos %}\nx\n{% endhighlight %}\n\nafter *this*\n"
	got, err := parseMarkdownBody([]byte(src), 5)
	if err != nil {
		t.Fatal(err)
	}
	p := got[1].(*Paragraph)
	if pos := p.Text[0].(*Text).Pos; pos != (Pos{9, 1}) {
		t.Errorf("text after the block at %v, want 9:1", pos)
	}
	if pos := p.Text[1].(*Emphasis).Text[0].(*Text).Pos; pos != (Pos{9, 8}) {
		t.Errorf("emphasis after the block at %v, want 9:8", pos)
	}
}

// TestCodeLinesBlockParse checks that the block-only parse codeLines uses
// marks the same code lines as a full parse, on every corpus body, every
// CommonMark example and the goldens.
func TestCodeLinesBlockParse(t *testing.T) {
	var inputs [][]byte
	files, _ := filepath.Glob("../shared/corpus/*/*")
	goldens, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, f := range append(files, goldens...) {
		if data, err := os.ReadFile(f); err == nil {
			inputs = append(inputs, data)
		}
	}
	if len(files) == 0 {
		t.Log("no corpus at ../shared/corpus: checking goldens and CommonMark examples only")
	}
	for _, ex := range goldmarkSpecExamples(t) {
		inputs = append(inputs, []byte(ex.Markdown))
	}
	for _, src := range inputs {
		starts := lineStarts(src)
		full := codeLinesOf(parseGoldmark(src), starts)
		blocks := codeLines(src, starts)
		if !slices.Equal(full, blocks) {
			t.Errorf("code lines differ for\n%s\nfull   %v\nblocks %v", src, full, blocks)
		}
	}
}

// FuzzCodeLines is TestCodeLinesBlockParse on arbitrary input.
func FuzzCodeLines(f *testing.F) {
	for _, ex := range goldmarkSpecExamples(f) {
		f.Add([]byte(ex.Markdown))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		starts := lineStarts(src)
		full := codeLinesOf(parseGoldmark(src), starts)
		if blocks := codeLines(src, starts); !slices.Equal(full, blocks) {
			t.Errorf("code lines differ for %q\nfull   %v\nblocks %v", src, full, blocks)
		}
	})
}

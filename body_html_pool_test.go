package article

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// poolBodies returns HTML and Markdown bodies of different shapes and
// sizes, each with text and links of its own, so that a node, attribute or
// text left over in a pooled builder would show up in another's article.
func poolBodies() []struct{ name, src string } {
	var out []struct{ name, src string }
	add := func(name, src string) {
		out = append(out, struct{ name, src string }{name, src})
	}
	for i := range 6 {
		id := fmt.Sprintf("n%d", i)
		add(id+".html", fmt.Sprintf(`<p>para %[1]s <a href="https://%[1]s.example/" title="t %[1]s">link %[1]s</a> <em>em %[1]s</em></p>
<ul><li>item %[1]s<li>second %[1]s</ul>
<script>alert("%[1]s")</script><style>p{}</style>
<figure><a href="/%[1]s"><img src="/%[1]s.png" alt="alt %[1]s"></a><figcaption>cap %[1]s</figcaption></figure>
<table><tr><th align=right>h %[1]s<td>c %[1]s</table>
<!--more-->
<pre><code class="language-%[1]s">code %[1]s</code></pre>`, id))
		add(id+".md", fmt.Sprintf("# title <em>%[1]s</em>\n\npara <a href=\"/%[1]s\" onclick=x>raw %[1]s</a> and <img src=\"/%[1]s.gif\" alt=\"a %[1]s\">\n\n"+
			"<div>\n<p>block %[1]s</p>\n</div>\n\n| a | b |\n|---|---|\n| <b>%[1]s</b> | x |\n", id))
		// Sizes that take one slab chunk, several, and nesting past
		// maxDepth (the builder's map of ignored tags).
		add(id+"-long.html", strings.Repeat(fmt.Sprintf("<p>%s <strong>s</strong> <a href=/%s>l</a></p>\n", id, id), 40*(i+1)))
		add(id+"-deep.html", strings.Repeat("<div><span>", maxDepth/2+i)+"deep "+id+strings.Repeat("</span></div>", maxDepth/2+i)+"<p>after "+id+"</p>")
		add(id+"-open.html", "<ol start=3><li><p>open "+id+"<blockquote><p>q "+id)
		add(id+"-skip.html", "<p>before "+id+"</p><svg><text>in "+id)
	}
	return out
}

// TestParseConcurrentPooled parses bodies from many goroutines at once,
// in different orders, and requires each article to equal the one read
// alone: builders come from a pool, and one article's nodes must never
// reach another.
func TestParseConcurrentPooled(t *testing.T) {
	bodies := poolBodies()
	p := &Parser{}
	want := make([]*Article, len(bodies))
	for i, b := range bodies {
		a, err := p.ParseBytes(b.name, []byte(b.src))
		if err != nil {
			t.Fatalf("%s: %v", b.name, err)
		}
		want[i] = a
	}
	workers := max(8, 2*runtime.GOMAXPROCS(0))
	rounds := 3
	if testing.Short() {
		rounds = 1
	}
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for k := range bodies {
					i := (k + 5*w + 3*r) % len(bodies) // each worker its own order
					a, err := p.ParseBytes(bodies[i].name, []byte(bodies[i].src))
					if err != nil || !reflect.DeepEqual(a, want[i]) {
						js, _ := a.MarshalJSON()
						wjs, _ := want[i].MarshalJSON()
						errs <- fmt.Sprintf("%s: concurrent parse differs (err %v):\n%s\nwant:\n%s", bodies[i].name, err, js, wjs)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

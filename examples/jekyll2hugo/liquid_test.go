package main

import "testing"

func TestFenceHighlights(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"basic",
			"---\ntitle: x\n---\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n",
			"---\ntitle: x\n---\n```ruby\nputs 1\n```\n",
		},
		{
			"options, trim markers, CRLF",
			"text\r\n{%- highlight go linenos -%}\r\nx := 1\r\n{%- endhighlight -%}\r\n",
			"text\r\n```go\r\nx := 1\r\n```\r\n",
		},
		{
			"backticks inside get a longer fence",
			"{% highlight md %}\n```\ncode\n```\n{% endhighlight %}\n",
			"````md\n```\ncode\n```\n````\n",
		},
		{
			"indented in a list item",
			"- item\n\n  {% highlight sh %}\n  ls\n  {% endhighlight %}\n",
			"- item\n\n  ```sh\n  ls\n  ```\n",
		},
		{
			"unclosed is left alone",
			"{% highlight go %}\nx\n{% endhighlight\n",
			"{% highlight go %}\nx\n{% endhighlight\n",
		},
		{
			"inline tag is left alone",
			"see {% highlight go %}x{% endhighlight %}\n",
			"see {% highlight go %}x{% endhighlight %}\n",
		},
		{
			"front matter is not touched",
			"---\nnote: |\n  {% highlight go %}\n  {% endhighlight %}\n---\nbody\n",
			"---\nnote: |\n  {% highlight go %}\n  {% endhighlight %}\n---\nbody\n",
		},
	}
	for _, tt := range tests {
		if got := string(fenceHighlights([]byte(tt.in))); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// Package render writes an [article.Article] back out as Markdown or JSON.
//
// [Markdown] writes the front matter in the format it was read in (YAML
// between "---" lines, TOML between "+++" lines, or a JSON object followed
// by a blank line, as Hugo writes it), keys in their input order, then the
// body as CommonMark with the GitHub extensions. Reading the output back
// with [article.Parse] gives an article equal to the one written, for
// articles in the form Parse produces:
//
//   - A front-matter value reads back with the same kind and text. YAML
//     strings are quoted exactly when their plain form would read as
//     another type ("true", "2022-01-23", "", "a: b"); other scalars are
//     written as their text, with an explicit tag when the text alone
//     would not resolve to their kind. TOML has no null: a null is written
//     as "". JSON has no dates: a time is written as a string.
//   - Text is escaped as little as re-reading it needs: Hugo shortcodes
//     ({{< figure src="a_b.png" >}}), Liquid tags and CJK text are left as
//     written. A URL, www. address or e-mail address in text, which GFM's
//     autolink extension would turn into a link, gets one backslash.
//   - Emphasis, strong emphasis and strikethrough use * ** ~~ (or _ __)
//     where CommonMark's flanking rules let them work, and the raw HTML
//     elements <em>, <strong> and <del> where they do not.
//   - A hard line break is a backslash at the end of the line; in a
//     heading or a table cell, which are one line, it is <br>.
//   - A code block is a fenced block, longer than any run of backticks
//     in it. A Jekyll {% highlight LANG linenos %} block, which Parse
//     reads as a code block of language LANG without its options, and a
//     multi-line Liquid block, which it reads as a code block of language
//     "liquid", are both written as fenced blocks.
//   - A figure is its image and caption as Markdown inside <figure> and
//     <figcaption> lines (one line of HTML in a tight list item), so
//     that a renderer that omits raw HTML still shows both; a linked
//     image is the text of its link, [![alt](src)](link "title"). An
//     HTML block is written as it is. The credit line, story link and
//     navigation links that Parse moves out of the body are written back
//     at its end, where Parse finds them again.
//
// Output ends in exactly one newline, and the same article always gives
// the same bytes.
package render

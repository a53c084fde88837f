// Package article reads blog and news posts — front matter followed by a
// Markdown or HTML body — into a typed [Article], normalizes their text and
// dates, and (with package render) writes them back as Markdown or JSON.
//
// # Reading
//
// [Parse] and [ParseFile] read one article with the zero [Parser]; set a
// Parser's fields for a site's time zone, a forced body format or a size
// limit. The input is UTF-8 text, optionally starting with a byte order
// mark, with LF or CRLF line endings. Front matter is one of:
//
//   - YAML between "---" lines (the closing line may be "..."),
//   - TOML between "+++" lines,
//   - a JSON object starting on the first line and followed by a line
//     break, as Hugo writes it,
//   - or none.
//
// Blank lines before the opening delimiter are allowed; an opening
// delimiter without a close is an error, never "no front matter". Every key
// is kept, in input order, in [Article.FrontMatter], each scalar with its
// text as written; the keys people use are also typed fields, read with
// Jekyll's and Hugo's rules: keys match case-insensitively; a string
// categories or tags value splits on spaces while singular category and tag
// do not; published: false marks a draft and a date-valued published is a
// publication date; lastmod, modified, last_modified_at and updated are the
// modification date; summary, description and excerpt the summary. A
// Jekyll post named YYYY-MM-DD-slug.md gives its date (when the front
// matter has none) and its slug.
//
// # Dates
//
// Dates are read from their text, not by the YAML or TOML decoder:
// RFC 3339 and ISO 8601, Jekyll's "2022-01-23 20:41:05 +0800", unpadded
// fields ("2017-9-23", "2018-05-22T9:48:00"), "/" and "." separators, no
// seconds, date only, and Chinese dates such as "2022年1月23日 下午3:04".
// Offsets may be written +08, +08:00 or +0800, or as Z, UTC or GMT. A date
// without a zone takes Parser.Location (UTC when nil) and the Article
// records that the zone was assumed; an explicit offset always wins. CST and
// 北京时间 mean +08:00 only when Parser.Location is a China zone; any other
// zone abbreviation is an error ([ErrUnknownZone]), never a silent UTC.
// The package does not embed the time zone database: a program that loads
// zones by name on machines without zoneinfo imports time/tzdata.
//
// # Body
//
// A Markdown body is read as CommonMark with the GitHub extensions (tables,
// strikethrough, autolinks, task lists, footnotes); HTML inside it, and an
// HTML body (a file named *.html or *.htm, or Parser.BodyFormat), is read
// by an HTML5 parser. Both become the same typed blocks ([Paragraph],
// [Heading], [List], [Quote], [Code], [Table], [Figure], [Rule], [HTML],
// [Footnote]) holding inlines ([Text], [Emphasis], [Strong], [Strike],
// [CodeSpan], [Link], [Image], [LineBreak], [FootnoteRef]). Lines of
// Chinese or Japanese text are joined without a space. Liquid tags and
// Hugo shortcodes are kept as text; a Liquid {% highlight lang %} …
// {% endhighlight %} block becomes a [Code] block in that language (its
// options, such as linenos, are dropped), and any other Liquid block that
// spans lines becomes a Code block of language "liquid", byte for byte, so
// that its lines survive.
//
// A credit line ("（文章来源：国际商报）", "来源：X", "Source: X"), a
// trailing bare link to the original story and a trailing line of
// navigation links ("返回首页") are moved out of the body into
// [Article.Source] and [Article.Credit], [Article.SourceURL] and
// [Article.Nav]. Nothing is dropped: the renderers write them back.
//
// # Normalization
//
// [Normalize] and [NormalizeString] clean up the typography of CJK text
// that was typed, scraped or converted carelessly: half-width punctuation
// in Chinese (亚信科技(中国) → 亚信科技（中国）), full-width letters and
// digits (ＡＢＣ１２３ → ABC123), "..." for ……, stray invisible characters.
// They work on runs of text that span inline elements, so that
// "他说:<em>你好</em>!" becomes "他说：*你好*！", and never touch code,
// URLs, e-mail addresses, paths, numbers, placeholders or English text. A
// [Normalizer] switches rules off, picks a language profile, adds spaces
// between CJK and Latin text, or re-expresses dates in one zone. Every
// change is reported as an [Edit] with its rule and position; one pass
// reaches a fixed point.
//
// # Site time zones
//
// [SiteLocation] finds the zone a Jekyll (_config.yml timezone) or Hugo
// (timeZone) site declares, for Parser.Location.
//
// # Errors
//
// Errors from Parse are [*ParseError] values naming the file, line and
// column, and wrapping one of the sentinel errors (ErrBadDate,
// ErrFrontMatter, …) for [errors.Is]. Parse never panics.
//
// # Limits
//
// Parse rejects input larger than Parser.MaxSize (64 MiB by default) with
// [ErrTooLarge], without reading past the limit. Front matter may nest 100
// levels and expand (through YAML aliases) to 100 000 values. Body blocks
// nest at most 256 deep; deeper content is kept, flattened into its
// ancestor. Input containing a NUL byte or invalid UTF-8 is rejected with
// [ErrBinary].
//
// # Security Considerations
//
// Articles often come from sites their reader does not control, and their
// output is published. The body's HTML is therefore reduced to the typed
// blocks above, and what has no typed form is dropped or made inert:
//
//   - script, style, noscript, template, object, applet, svg, math, head,
//     title, canvas, dialog, frameset, noframes, noembed and the form
//     controls (button, select, textarea, input, …) never reach the
//     Article, nor does anything inside them: the text of scripts and
//     styles is code, not prose;
//   - an element's attributes are read only to type it (a link's href
//     and title; an image's src, alt and title, with data-src as a lazy
//     loader writes it; a list's start; a cell's alignment; a code block's
//     language from its class) and are not kept, so no event handler
//     (on*) and no style survives;
//   - a URL whose scheme is javascript:, vbscript:, livescript:, mocha: or
//     data: (other than data:image/png, gif, jpeg or webp in an image) is
//     dropped, after decoding entities, folding case and ignoring embedded
//     white space and control characters; the link's text stays as plain
//     text, an image keeps its alt text, and a figure whose link is
//     dropped stays a figure, linking nowhere;
//   - an iframe, embed, video or audio with an http, https or
//     protocol-relative source becomes a link to that source;
//   - the only raw HTML kept is comments between blocks (such as
//     <!--more-->), in [HTML] blocks, and only when they hold no "<", ">"
//     or "--" (which drops conditional comments).
//
// The Markdown that package render writes re-parses to the same Article,
// so it carries nothing executable either; the only raw HTML it writes is
// those comments, <figure> and <figcaption> around a figure's Markdown
// (and, in a tight list item, the figure as one line of HTML with its
// <a>, <img> and <figcaption>), and <em>, <strong>, <del>, <br> and
// <code> where Markdown has no delimiter that works.
// hostile_test.go renders it with raw HTML allowed and checks the page.
//
// The HTML reader is a tree builder over the x/net/html tokenizer (texts,
// tags and plain comments are split in place by the tokenizer's rules,
// which FuzzScanNext holds to it; the tokenizer reads the rest), not
// the full HTML5 tree-construction algorithm: it closes the implied end
// tags that matter for the typed blocks (p, li, dt, dd, table rows and
// cells, headings) but does not reorder misnested formatting elements.
// Markdown bodies are parsed by goldmark, whose time is quadratic on a few
// pathological inputs: thousands of unclosed "[a](", containers nested
// thousands deep on one line, a paragraph of thousands of "*", "_" or "~"
// runs that never match. The parser bounds each: beyond what any real
// document needs, the markers that would cost are read as text (it
// escapes "](" and container markers before goldmark reads them, and
// stops pushing delimiter runs of a block past a budget), so their
// characters stay and only the structure they would have made is lost.
// Other shapes that are slow per byte stay linear (see BENCHMARKS.md);
// Parser.MaxSize bounds the size.
package article

package article

// A RuleName names one normalization rule. Every [Edit] says which rule made
// it, and [Normalizer.Disable] switches rules off by name.
type RuleName string

// The rules, in the order a text run goes through them.
const (
	// RuleInvisible removes the byte order mark, zero-width spaces, the
	// word joiner and control characters other than tab, newline and
	// carriage return. A zero-width joiner inside an emoji sequence, or
	// between letters of a script that needs it, is kept, and so are
	// variation selectors.
	RuleInvisible RuleName = "invisible"
	// RuleKatakana turns half-width katakana (ｶﾞ) into full-width,
	// composed katakana (ガ), and half-width ｡｢｣､･ into 。「」、・.
	RuleKatakana RuleName = "katakana"
	// RuleFullwidth turns full-width ASCII letters and digits (ＡＢＣ１２３)
	// into ASCII, and full-width ASCII symbols (＃＄％＆＊＋－／＜＝＞＠
	// ［＼］＾＿｀｛｜｝) that touch a letter or digit.
	RuleFullwidth RuleName = "fullwidth"
	// RuleNFC puts the text in Unicode Normalization Form C. CJK
	// compatibility ideographs are left as written: NFC would replace
	// them with their unified counterparts, which loses the glyph the
	// writer chose.
	RuleNFC RuleName = "nfc"
	// RulePunctuation turns , . : ; ! ? into ，。：；！？ when the text they
	// follow is CJK (in the Japanese profile , and . become 、 and 。).
	RulePunctuation RuleName = "punctuation"
	// RuleBrackets makes each matched pair of parentheses full-width
	// （） when what it holds or what surrounds it is CJK, and half-width
	// when it holds and follows Latin text, so that a pair is never left
	// half-converted.
	RuleBrackets RuleName = "brackets"
	// RuleQuotes turns a pair of " into “” in CJK context and repairs a
	// pair written with the wrong curly quote (“世界“ → “世界”).
	RuleQuotes RuleName = "quotes"
	// RuleLatinPunctuation turns full-width punctuation inside English
	// text into ASCII: "Stay hungry，stay foolish。" → "Stay hungry, stay
	// foolish.", and １６：３２ → 16:32.
	RuleLatinPunctuation RuleName = "latin-punctuation"
	// RuleEllipsis turns ..., 。。。 and a lone … in CJK context into ……
	RuleEllipsis RuleName = "ellipsis"
	// RuleDash turns -- between CJK text into ——.
	RuleDash RuleName = "dash"
	// RuleMiddleDot turns • ‧ ・ between Han characters (a transliterated
	// name) into ·, except in the Japanese profile.
	RuleMiddleDot RuleName = "middle-dot"
	// RulePunctuationSpace removes spaces next to full-width punctuation.
	RulePunctuationSpace RuleName = "punctuation-space"
	// RuleCollapseSpace collapses a run of spaces inside a line into one.
	// Indentation, trailing spaces, no-break spaces and ideographic spaces
	// (the 　　 paragraph indent) are kept.
	RuleCollapseSpace RuleName = "collapse-space"
	// RuleCJKSpace puts a space between CJK and Latin letters or digits
	// (使用Go语言 → 使用 Go 语言). It runs only when [Normalizer.Space] is
	// set, and never in the Japanese profile.
	RuleCJKSpace RuleName = "cjk-space"
	// RuleTimeZone re-expresses dates in [Normalizer.Location]. It runs
	// only when Location is set.
	RuleTimeZone RuleName = "time-zone"
)

// rules lists every rule; a rule's index is its bit in a ruleSet.
var rules = [...]RuleName{
	RuleInvisible, RuleKatakana, RuleFullwidth, RuleNFC,
	RulePunctuation, RuleBrackets, RuleQuotes, RuleLatinPunctuation,
	RuleEllipsis, RuleDash, RuleMiddleDot,
	RulePunctuationSpace, RuleCollapseSpace, RuleCJKSpace, RuleTimeZone,
}

// Rules returns the names of all rules, in the order they apply.
func Rules() []RuleName {
	return append([]RuleName(nil), rules[:]...)
}

// A ruleSet holds one bit per rule that is switched on.
type ruleSet uint32

// Bits of ruleSet, in the order of rules.
const (
	bInvisible ruleSet = 1 << iota
	bKatakana
	bFullwidth
	bNFC
	bPunctuation
	bBrackets
	bQuotes
	bLatinPunctuation
	bEllipsis
	bDash
	bMiddleDot
	bPunctuationSpace
	bCollapseSpace
	bCJKSpace
	bTimeZone
)

// ruleOf returns the rule of a single bit.
func ruleOf(bit ruleSet) RuleName {
	for i := range rules {
		if bit == 1<<i {
			return rules[i]
		}
	}
	return ""
}

// A Profile picks the typographic conventions of a language.
type Profile string

// The profiles.
const (
	// ProfileSimplified is Simplified Chinese (zh-Hans), the default.
	ProfileSimplified Profile = "zh-hans"
	// ProfileTraditional is Traditional Chinese (zh-Hant): the same rules
	// as Simplified Chinese; corner brackets 「」 are kept as written, as
	// they are in every profile.
	ProfileTraditional Profile = "zh-hant"
	// ProfileJapanese is Japanese: , and . after Japanese text become 、
	// and 。, ・ is never turned into ·, and no space is put between
	// Japanese and Latin text.
	ProfileJapanese Profile = "ja"
)

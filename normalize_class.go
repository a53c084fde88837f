package article

import "unicode"

// Character classes that punctuation decisions look at. A class never
// depends on the width of punctuation, so converting a mark never changes
// how its neighbours are judged; that is what makes one pass a fixed
// point.
const (
	cNone  uint8 = iota // start or end of the run
	cSpace              // space, tab, newline, no-break space, U+3000
	cCJK                // Han, kana, bopomofo
	cLatin              // Latin, Greek and Cyrillic letters; protected spans; code spans
	cDigit              // ASCII digits
	cOther              // letters of other scripts, Hangul among them
	cPunct              // everything else
)

// isCJK reports whether r is a Han character, kana or bopomofo: a letter
// of Chinese or Japanese text.
func isCJK(r rune) bool {
	switch {
	case r < 0x3005:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
		return true
	case r >= 0x3041 && r <= 0x30FF:
		return r != 0x30A0 && r != 0x30FB && r != 0x309B && r != 0x309C
	case r == 0x3005, r == 0x3006, r == 0x3007, r == 0x303B:
		return true
	case r >= 0x3105 && r <= 0x312F, r >= 0x31A0 && r <= 0x31BF, r >= 0x31F0 && r <= 0x31FF:
		return true
	case r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return false
}

// isHan reports whether r is a Han character.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF || r == 0x3007
}

// isKana reports whether r is hiragana or katakana.
func isKana(r rune) bool {
	return r >= 0x3041 && r <= 0x30FF && r != 0x30FB || r >= 0x31F0 && r <= 0x31FF
}

func isLetterRune(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }
func isDigitRune(r rune) bool  { return r >= '0' && r <= '9' }
func isAlnumRune(r rune) bool  { return isLetterRune(r) || isDigitRune(r) }

// runeClass is the class of an unprotected rune.
func runeClass(r rune) uint8 {
	switch {
	case r < 0x80:
		switch {
		case isLetterRune(r):
			return cLatin
		case isDigitRune(r):
			return cDigit
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			return cSpace
		}
		return cPunct
	case r == 0xA0 || r == 0x3000:
		return cSpace
	case isCJK(r):
		return cCJK
	case r < 0x0530:
		if unicode.IsLetter(r) {
			return cLatin
		}
		return cPunct
	case r >= 0x1E00 && r <= 0x1FFF:
		return cLatin
	case r >= 0x2000 && r <= 0x2BFF, r >= 0x3000 && r <= 0x303F, r >= 0xFE00 && r <= 0xFFEF:
		if r >= 0xFF21 && r <= 0xFF5A && unicode.IsLetter(r) {
			return cLatin
		}
		return cPunct
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return cOther
	}
	return cPunct
}

// skipLeft reports whether the left context of a mark looks past r:
// spaces, closing brackets and quotes, and sentence punctuation, in
// either width.
func skipLeft(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', 0xA0, 0x3000,
		')', ']', '}', '"', '\'', '.', ',', ';', ':', '!', '?',
		'）', '］', '｝', '〉', '》', '」', '』', '】', '〕', '〗', '〙', '〛',
		'“', '”', '‘', '’', '。', '，', '；', '：', '！', '？', '、', '．', '…':
		return true
	}
	return false
}

// skipRight reports whether the right context of a mark looks past r:
// spaces, opening brackets and quotes, in either width.
func skipRight(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', 0xA0, 0x3000,
		'(', '[', '{', '"', '\'',
		'（', '［', '｛', '〈', '《', '「', '『', '【', '〔', '〖', '〘', '〚',
		'“', '”', '‘', '’':
		return true
	}
	return false
}

// isOpener reports whether r opens a bracket, in either width; an opener
// starts a new sentence for the purposes of sentence language.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '（', '［', '〈', '《', '「', '『', '【', '〔', '〖', '〘', '〚':
		return true
	}
	return false
}

// isQuote reports whether r is a double quote, straight or curly.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// isWidePunct reports whether r is full-width punctuation next to which
// spaces are removed. Curly quotes, the ellipsis and the em dash are
// shared with English and handled by the caller.
func isWidePunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x3003, r >= 0x3008 && r <= 0x3011, r >= 0x3014 && r <= 0x301F:
		return true
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	return false
}

// isEmojiLike reports whether r can take part in an emoji ZWJ sequence.
func isEmojiLike(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2190 && r <= 0x2BFF ||
		r == 0xFE0F || r == 0x20E3 || r >= 0xE0020 && r <= 0xE007F ||
		r == 0xA9 || r == 0xAE || r == 0x203C || r == 0x2049 || r == 0x2122 || r == 0x2139
}

// needsJoiner reports whether r is a letter or mark of a script in which
// ZWJ and ZWNJ change the rendering (Arabic, Indic, …).
func needsJoiner(r rune) bool {
	return r >= 0x0590 && r < 0x3000 && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// isInvisible reports whether r is removed by RuleInvisible regardless of
// its neighbours.
func isInvisible(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r >= 0x7F && r <= 0x9F:
		return true
	case r == 0x200B, r == 0xFEFF, r == 0x2060, r == 0x180E:
		return true
	}
	return false
}

package render

import "unicode/utf8"

// validRuneLen returns the length of the UTF-8 sequence that starts at
// s[i], a byte of 0x80 or more, or 0 when it is not valid UTF-8. The
// 2-byte sequences and the 3-byte ones whose second byte may be any
// continuation byte (CJK text and most punctuation) are told here; the
// others, whose second byte has a narrower range, by the decoder.
func validRuneLen(s string, i int) int {
	c := s[i]
	switch {
	case c >= 0xc2 && c <= 0xdf:
		if i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			return 2
		}
		return 0
	case c >= 0xe1 && c <= 0xef && c != 0xed:
		if i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			return 3
		}
		return 0
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError || n > 1 {
		return n
	}
	return 0
}

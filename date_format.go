package article

import (
	"time"
)

// formatDateLike writes t in the shape of orig, a date text parseDate
// reads, so that a date re-expressed in another zone looks as it did:
// Jekyll "2006-01-02 15:04:05 -0700" stays Jekyll, RFC 3339 stays RFC
// 3339, separators and unpadded fields are kept, and seconds or a fraction
// are added only when t needs them. A date-time always gets t's offset,
// even when orig had none or named its zone with a word (then +hh:mm after
// a T, " +hhmm" after a space), because re-expressing it is the point.
// A date-only orig stays date-only when t is midnight in its own zone.
// Everything else — orig unreadable, Chinese dates with a time, 上午/下午,
// AM/PM, full-width digits, a date-only orig and a t that is not midnight —
// falls back to RFC 3339 with a fraction if t has one.
//
// So does a t whose offset parseDate would not read back: beyond ±18:00,
// or with seconds (local mean time before 1901 in a real zone), which
// RFC 3339 too can only write to the minute.
func formatDateLike(orig string, t time.Time) string {
	_, _, sh, err := scanDate(orig, time.UTC, true)
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	nsec := t.Nanosecond()
	_, off := t.Zone()
	midnight := hour == 0 && minute == 0 && sec == 0 && nsec == 0
	if err != nil || sh.odd || year < 1 || year > 9999 || sh.tsep == 0 && !midnight ||
		off%60 != 0 || off > 18*3600 || off < -18*3600 {
		return t.Format(time.RFC3339Nano)
	}
	b := make([]byte, 0, 40)
	b = appendInt(b, year, 4)
	pad := 2
	if sh.unpadDate {
		pad = 1
	}
	if sh.sep == 0 {
		b = append(b, "年"...)
		b = appendInt(b, int(month), pad)
		b = append(b, "月"...)
		b = appendInt(b, day, pad)
		b = append(b, "日"...)
	} else {
		b = append(b, sh.sep)
		b = appendInt(b, int(month), pad)
		b = append(b, sh.sep)
		b = appendInt(b, day, pad)
	}
	if sh.tsep == 0 {
		if sh.zone == zoneNone {
			return string(b)
		}
		return string(appendZone(b, sh, off))
	}
	b = append(b, sh.tsep)
	pad = 2
	if sh.unpadHour {
		pad = 1
	}
	b = appendInt(b, hour, pad)
	b = append(b, ':')
	b = appendInt(b, minute, 2)
	if sh.seconds || sec != 0 || nsec != 0 {
		b = append(b, ':')
		b = appendInt(b, sec, 2)
	}
	if sh.frac > 0 || nsec != 0 {
		digits := appendInt(nil, nsec, 9)
		n := len(digits)
		for n > 1 && digits[n-1] == '0' {
			n--
		}
		if sh.frac > n {
			n = min(sh.frac, 9)
		}
		b = append(b, '.')
		b = append(b, digits[:n]...)
	}
	if sh.zone == zoneNone || sh.zone == zoneWord {
		if sh.tsep == ' ' {
			sh.zone, sh.zspace = zoneHHMM, true
		} else {
			sh.zone, sh.zspace = zoneColon, false
		}
	}
	return string(appendZone(b, sh, off))
}

// appendZone writes off in the style of sh.
func appendZone(b []byte, sh dateShape, off int) []byte {
	if sh.zspace {
		b = append(b, ' ')
	}
	style := sh.zone
	switch {
	case style == zoneZ && off == 0:
		return append(b, sh.zletter)
	case style == zoneZ, style == zoneWord, style == zoneHH && off%3600 != 0:
		style = zoneColon
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = append(b, sign)
	b = appendInt(b, off/3600, 2)
	switch style {
	case zoneHHMM:
		b = appendInt(b, off/60%60, 2)
	case zoneColon:
		b = append(b, ':')
		b = appendInt(b, off/60%60, 2)
	}
	return b
}

// appendInt appends v, a non-negative number, zero-padded to width.
func appendInt(b []byte, v, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for v >= 10 || width > 1 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		width--
	}
	i--
	buf[i] = byte('0' + v)
	return append(b, buf[i:]...)
}

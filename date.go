package article

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file reads and writes the dates of front matter. The parser is a
// hand-written scanner over the scalar's raw text: one pass, linear in the
// length, no regexp and no trial of time.Parse layouts. The forms it reads:
//
//	2022-01-23T20:41:05Z               RFC 3339 (lowercase t and z too,
//	2022-01-23T20:41:05.123+08:00        fraction after . or ,)
//	2022-01-23 20:41:05 +0800          Jekyll; +0800, +08:00, +08, with
//	2012-10-26 18:10:11+00:00            or without a space before it
//	2014-10-1 12:00:00, 2017-9-23      unpadded month, day and hour
//	2022-01-23 20:41, 2022-01-23       no seconds; date only
//	2022/01/23, 2022.01.23 8:05        / and . separators
//	2022年1月23日 20:41, 2022年1月23日20时41分, 2022年1月23日 下午3:04
//	2022-01-23 3:04 PM                 AM and PM after the time
//	2022-01-23 20:41:05 UTC, GMT+8     UTC, GMT and UT, optionally with an offset
//	2022-01-23 20:41:05 +0800 CST      Go's time.String: the number wins
//
// Full-width digits and punctuation (２０２２，：) read as their ASCII
// forms, and any Unicode space separates. The Chinese markers before a
// time are 凌晨, 早上, 上午 (12 is midnight), 中午 (11 and 12 as written,
// 1 to 10 in the afternoon), 下午 (12 is noon), 傍晚 and 晚上 (12 is
// rejected: it is midnight at the end of the day, which a reader should
// not have to work out); after the afternoon and evening markers 1 to 11
// add twelve and 13 to 23 are taken as already on the 24-hour clock.
//
// Ranges: year 0001 to 9999 written with four digits, month 1 to 12, day
// within the month (29 February only in a leap year), hour 0 to 23 (24:00
// is rejected rather than rolled into the next day), minute and second 0 to
// 59 (a leap second :60 is rejected: time.Time cannot hold it and rolling
// it over would change the minute), offset within ±18:00.
//
// A year repeated after the time ("2023-01-29 18:30:22 2023 -0800", in
// the corpus) is an error, as corpus_test.go expects.
//
// Zones: an explicit offset always wins, in a fixed zone without a name;
// an offset of zero (Z, +00:00, -00:00, UTC, GMT) gives time.UTC so that
// it is written as Z. CST and 北京时间 (before or after the date) mean
// +08:00 only when the site zone is a mainland China zone (isChinaZone);
// elsewhere CST is also US Central and Cuba time, so they are
// ErrUnknownZone, as is every other alphabetic abbreviation: EST, JST
// and the like are never silently taken as UTC.

// isChinaZone reports whether loc is a mainland China zone, in which a
// date's "CST" or "北京时间" means +08:00. Only the mainland names count:
// Asia/Taipei and Asia/Macau also abbreviate +08:00 as CST, but 北京时间 is
// the mainland's term, and a guess outside the mainland is not worth the
// risk of a wrong instant. Asia/Urumqi is left out because its tz offset
// is +06.
func isChinaZone(loc *time.Location) bool {
	if loc == nil {
		return false
	}
	switch loc.String() {
	case "Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC":
		return true
	}
	return false
}

// parseDate reads a date written in any supported form (see the top of
// this file). A date without a zone takes loc (nil means UTC) and
// zoneAssumed is true; a date-only text is midnight in loc. Errors wrap
// ErrBadDate or ErrUnknownZone and quote the text.
func parseDate(text string, loc *time.Location) (t time.Time, zoneAssumed bool, err error) {
	t, zoneAssumed, _, err = scanDate(text, loc, isChinaZone(loc))
	return t, zoneAssumed, err
}

// A zoneStyle is the way a date wrote its zone.
type zoneStyle uint8

const (
	zoneNone  zoneStyle = iota
	zoneZ               // Z or z
	zoneHH              // +08
	zoneHHMM            // +0800
	zoneColon           // +08:00
	zoneWord            // UTC, GMT+8, CST, 北京时间
)

// A dateShape describes how a date was written, for formatDateLike.
type dateShape struct {
	sep       byte // '-', '/' or '.'; 0 for 年月日
	unpadDate bool // month or day written with one digit
	tsep      byte // 'T', 't' or ' ' before the time; 0 when date-only
	unpadHour bool
	seconds   bool
	frac      int // digits of the fraction of a second
	zone      zoneStyle
	zletter   byte // 'Z' or 'z' for zoneZ
	zspace    bool // a space before the zone
	odd       bool // a feature formatDateLike does not reproduce
}

// A dateScanner reads one date. Its position i is in s, the trimmed text.
type dateScanner struct {
	text  string // as given, for messages
	s     string
	i     int
	china bool
	shape dateShape
}

// The meridiem markers.
const (
	merNone = iota
	merAM
	merPM
	merNoon
	merNight
)

var chineseMeridiem = []struct {
	word string
	mer  int
}{
	{"凌晨", merAM}, {"早上", merAM}, {"上午", merAM},
	{"中午", merNoon},
	{"下午", merPM}, {"傍晚", merNight}, {"晚上", merNight},
}

const beijingTime = "北京时间"

// scanDate parses text; china says whether CST and 北京时间 mean +08:00.
func scanDate(text string, loc *time.Location, china bool) (time.Time, bool, dateShape, error) {
	if loc == nil {
		loc = time.UTC
	}
	d := &dateScanner{text: text, s: strings.TrimFunc(text, unicode.IsSpace), china: china}
	t, assumed, err := d.parse(loc)
	return t, assumed, d.shape, err
}

func (d *dateScanner) parse(loc *time.Location) (time.Time, bool, error) {
	if d.s == "" {
		return d.fail(ErrBadDate, "date is empty")
	}
	zoned, off := false, 0
	if strings.HasPrefix(d.s, beijingTime) {
		if !d.china {
			return d.fail(ErrUnknownZone, "%s means +08:00 only in a China site zone", beijingTime)
		}
		d.i += len(beijingTime)
		d.skipSpace()
		zoned, off = true, 8*3600
		d.shape.odd = true
	}

	// The date.
	year, n := d.digits()
	switch {
	case n == 0:
		if r, _ := d.peek(); r == '+' || r == '-' {
			return d.fail(ErrBadDate, "offset without a date")
		}
		return d.fail(ErrBadDate, "no year at %s", d.rest())
	case n != 4:
		return d.fail(ErrBadDate, "year must have four digits")
	}
	r, size := d.peek()
	switch r {
	case '-', '/', '.':
		d.shape.sep = byte(r)
	case '年':
	default:
		return d.fail(ErrBadDate, "no month after the year")
	}
	d.i += size
	month, n := d.digits()
	if n < 1 || n > 2 {
		return d.fail(ErrBadDate, "month must have one or two digits")
	}
	d.shape.unpadDate = n == 1
	if d.shape.sep == 0 {
		if !d.eat("月") {
			return d.fail(ErrBadDate, "no 月 after the month")
		}
	} else if !d.eat(string(rune(d.shape.sep))) {
		return d.fail(ErrBadDate, "no day after the month")
	}
	day, n := d.digits()
	if n < 1 || n > 2 {
		return d.fail(ErrBadDate, "day must have one or two digits")
	}
	d.shape.unpadDate = d.shape.unpadDate || n == 1
	if d.shape.sep == 0 && !d.eat("日") {
		d.eat("号")
	}
	if year < 1 {
		return d.fail(ErrBadDate, "year %04d out of range", year)
	}
	if month < 1 || month > 12 {
		return d.fail(ErrBadDate, "month %d out of range", month)
	}
	if day < 1 || day > daysIn(month, year) {
		return d.fail(ErrBadDate, "day %d out of range for %s %04d", day, time.Month(month), year)
	}

	// The time, if any.
	var hour, minute, sec, nsec int
	hasTime := false
	if r, size := d.peek(); r == 'T' || r == 't' {
		d.i += size
		d.shape.tsep = byte(r)
	} else if d.skipSpace() {
		d.shape.tsep = ' '
	}
	mer := d.chineseMeridiem()
	if r, _ := d.peek(); isDigit(r) && (d.shape.tsep != 0 || d.shape.sep == 0 || mer != merNone) {
		var err error
		if hour, minute, sec, nsec, err = d.clock(); err != nil {
			return time.Time{}, false, err
		}
		hasTime = true
	} else if d.shape.tsep == 'T' || d.shape.tsep == 't' || mer != merNone {
		return d.fail(ErrBadDate, "no time at %s", d.rest())
	}
	if hasTime {
		if d.shape.sep == 0 {
			d.shape.odd = true // a Chinese date with a time is written back as RFC 3339
		}
		if mer == merNone {
			mer = d.latinMeridiem()
		}
		if mer != merNone {
			d.shape.odd = true
			switch {
			case hour > 12 && mer == merAM:
				return d.fail(ErrBadDate, "hour %d with a morning marker", hour)
			case hour > 12:
			case hour == 0 && mer != merAM:
				return d.fail(ErrBadDate, "hour 0 with an afternoon or evening marker")
			case mer == merAM && hour == 12:
				hour = 0
			case mer == merNight && hour == 12:
				return d.fail(ErrBadDate, "12 in the evening is midnight of the next day; write it as 0:00 of that day")
			case mer == merPM && hour < 12, mer == merNight, mer == merNoon && hour < 11:
				hour += 12
			}
		}
		if hour > 23 {
			return d.fail(ErrBadDate, "hour %d out of range", hour)
		}
		if minute > 59 {
			return d.fail(ErrBadDate, "minute %d out of range", minute)
		}
		if sec > 59 {
			return d.fail(ErrBadDate, "second %d out of range", sec)
		}
		if err := d.repeatedYear(year); err != nil {
			return time.Time{}, false, err
		}
	} else {
		d.shape.tsep = 0
	}

	// The zone, if any.
	save := d.i
	spaced := d.skipSpace() || (!hasTime && d.i > 0 && d.s[d.i-1] == ' ')
	r, size = d.peek()
	next, _ := d.peekAt(d.i + size)
	switch {
	case r == '+' || r == '-':
		o, style, err := d.offset(false)
		if err != nil {
			return time.Time{}, false, err
		}
		if zoned {
			return d.fail(ErrBadDate, "two zones")
		}
		zoned, off = true, o
		d.shape.zone, d.shape.zspace = style, spaced
		d.goAbbreviation()
	case (r == 'Z' || r == 'z') && !isLetter(next):
		d.i += size
		if zoned {
			return d.fail(ErrBadDate, "two zones")
		}
		zoned, off = true, 0
		d.shape.zone, d.shape.zletter, d.shape.zspace = zoneZ, byte(r), spaced
	case isLetter(r) || strings.HasPrefix(d.s[d.i:], beijingTime):
		o, err := d.zoneWord()
		if err != nil {
			return time.Time{}, false, err
		}
		if zoned {
			return d.fail(ErrBadDate, "two zones")
		}
		zoned, off = true, o
		d.shape.zone, d.shape.zspace = zoneWord, spaced
	default:
		d.i = save
	}
	d.skipSpace()
	if d.i < len(d.s) {
		return d.fail(ErrBadDate, "unexpected %s", d.rest())
	}
	if d.shape.sep == 0 && zoned {
		d.shape.odd = true
	}

	if !zoned {
		return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc), true, nil
	}
	zl := time.UTC
	if off != 0 {
		zl = time.FixedZone("", off)
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, zl), false, nil
}

// clock reads H:MM[:SS[.fff]] or the Chinese H时[M分[S秒]] (点 for 时).
func (d *dateScanner) clock() (hour, minute, sec, nsec int, err error) {
	hour, n := d.digits()
	if n > 2 {
		return 0, 0, 0, 0, d.err(ErrBadDate, "hour must have one or two digits")
	}
	d.shape.unpadHour = n == 1
	if d.eat("时") || d.eat("点") {
		d.shape.odd = true
		if minute, n = d.digits(); n == 0 {
			return hour, 0, 0, 0, nil
		}
		if n > 2 {
			return 0, 0, 0, 0, d.err(ErrBadDate, "minute must have one or two digits")
		}
		d.eat("分")
		if sec, n = d.digits(); n == 0 {
			return hour, minute, 0, 0, nil
		}
		if n > 2 || !d.eat("秒") {
			return 0, 0, 0, 0, d.err(ErrBadDate, "second must be one or two digits and 秒")
		}
		return hour, minute, sec, 0, nil
	}
	if !d.eat(":") {
		return 0, 0, 0, 0, d.err(ErrBadDate, "no minutes after the hour")
	}
	if minute, n = d.digits(); n != 2 {
		return 0, 0, 0, 0, d.err(ErrBadDate, "minute must have two digits")
	}
	if !d.eat(":") {
		return hour, minute, 0, 0, nil
	}
	d.shape.seconds = true
	if sec, n = d.digits(); n != 2 {
		return 0, 0, 0, 0, d.err(ErrBadDate, "second must have two digits")
	}
	r, size := d.peek()
	if r != '.' && r != ',' {
		return hour, minute, sec, 0, nil
	}
	if r == ',' {
		d.shape.odd = true
	}
	d.i += size
	scale := int(time.Second)
	for {
		r, size := d.peek()
		if !isDigit(r) {
			break
		}
		d.i += size
		d.shape.frac++
		if scale > 1 {
			scale /= 10
			nsec += int(r-'0') * scale
		}
	}
	if d.shape.frac == 0 {
		return 0, 0, 0, 0, d.err(ErrBadDate, "no digits after the decimal point")
	}
	return hour, minute, sec, nsec, nil
}

// offset reads ±hh, ±hhmm or ±hh:mm at d.i, or also ±h after UTC or GMT.
func (d *dateScanner) offset(afterWord bool) (secs int, style zoneStyle, err error) {
	r, size := d.peek()
	d.i += size
	v, n := d.digits()
	var hh, mm int
	switch {
	case n == 4:
		hh, mm, style = v/100, v%100, zoneHHMM
	case n == 2 || n == 1 && afterWord:
		hh, style = v, zoneHH
		if d.eat(":") {
			if mm, n = d.digits(); n != 2 {
				return 0, 0, d.err(ErrBadDate, "offset minutes must have two digits")
			}
			style = zoneColon
		}
	default:
		return 0, 0, d.err(ErrBadDate, "offset must be written ±hh, ±hhmm or ±hh:mm")
	}
	if mm > 59 {
		return 0, 0, d.err(ErrBadDate, "offset minutes %d out of range", mm)
	}
	if hh*60+mm > 18*60 {
		return 0, 0, d.err(ErrBadDate, "offset beyond ±18:00")
	}
	secs = (hh*60 + mm) * 60
	if r == '-' {
		secs = -secs
	}
	return secs, style, nil
}

// zoneWord reads an alphabetic zone at d.i: UTC, GMT or UT with an
// optional offset, or CST and 北京时间 in a China zone.
func (d *dateScanner) zoneWord() (int, error) {
	if d.eat(beijingTime) {
		if !d.china {
			return 0, d.err(ErrUnknownZone, "%s means +08:00 only in a China site zone", beijingTime)
		}
		return 8 * 3600, nil
	}
	start := d.i
	word, n := d.letters()
	switch {
	case strings.EqualFold(word, "UTC"), strings.EqualFold(word, "GMT"), strings.EqualFold(word, "UT"):
		if r, _ := d.peek(); r == '+' || r == '-' {
			off, _, err := d.offset(true)
			return off, err
		}
		return 0, nil
	case strings.EqualFold(word, "CST") && d.china:
		return 8 * 3600, nil
	case strings.EqualFold(word, "CST"):
		return 0, d.err(ErrUnknownZone, "zone CST means +08:00 only in a China site zone; write a numeric offset")
	case n <= 5 && 'A' <= word[0] && word[0] <= 'Z':
		// Zone abbreviations are capitalized (EST, JST, ChST); a
		// lowercase word is junk, not a zone.
		return 0, d.err(ErrUnknownZone, "zone %q is ambiguous; write a numeric offset such as +08:00", word)
	}
	d.i = start
	return 0, d.err(ErrBadDate, "unexpected %s", d.rest())
}

// goAbbreviation skips a zone abbreviation after a numeric offset, as
// Go's time.Time.String writes ("+0800 CST"): the number wins.
func (d *dateScanner) goAbbreviation() {
	save := d.i
	if !d.skipSpace() {
		return
	}
	if w, n := d.letters(); n == 0 || n > 5 || w[0] < 'A' || w[0] > 'Z' {
		d.i = save
		return
	}
	d.shape.odd = true
}

// repeatedYear reports the year written again after the time, as in
// "2023-01-29 18:30:22 2023 -0800" (a date(1)-style generator's slip in a
// Jekyll docs post): which of the two fields is the mistake cannot be
// known, so it is an error with a message that says what is wrong.
func (d *dateScanner) repeatedYear(year int) error {
	save := d.i
	if d.skipSpace() {
		if y, n := d.digits(); n == 4 && y == year {
			return d.err(ErrBadDate, "year %d repeated after the time", year)
		}
	}
	d.i = save
	return nil
}

func (d *dateScanner) chineseMeridiem() int {
	for _, m := range chineseMeridiem {
		if d.eat(m.word) {
			d.skipSpace()
			return m.mer
		}
	}
	return merNone
}

// latinMeridiem reads AM or PM, in either case, after optional space.
func (d *dateScanner) latinMeridiem() int {
	save := d.i
	d.skipSpace()
	word, _ := d.letters()
	switch {
	case strings.EqualFold(word, "AM"):
		return merAM
	case strings.EqualFold(word, "PM"):
		return merPM
	}
	d.i = save
	return merNone
}

// letters reads a run of ASCII letters (full-width ones folded) and
// returns it, cut to 8 letters, and its length.
func (d *dateScanner) letters() (word string, n int) {
	var buf [8]byte
	for {
		r, size := d.peek()
		if !isLetter(r) {
			return string(buf[:min(n, len(buf))]), n
		}
		if n < len(buf) {
			buf[n] = byte(r)
		}
		d.i += size
		n++
	}
}

// peekAt returns the rune at i, with full-width ASCII folded to ASCII, and
// its size; -1 and 0 at the end.
func (d *dateScanner) peekAt(i int) (rune, int) {
	if i >= len(d.s) {
		return -1, 0
	}
	if c := d.s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, size := utf8.DecodeRuneInString(d.s[i:])
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFF01 - '!'
		d.shape.odd = true
	}
	return r, size
}

func (d *dateScanner) peek() (rune, int) { return d.peekAt(d.i) }

// eat consumes s (folded) if it comes next.
func (d *dateScanner) eat(s string) bool {
	i := d.i
	for _, want := range s {
		r, size := d.peekAt(i)
		if r != want {
			return false
		}
		i += size
	}
	d.i = i
	return true
}

// digits reads a run of digits and returns its value (meaningless past
// nine digits) and length.
func (d *dateScanner) digits() (v, n int) {
	for {
		r, size := d.peek()
		if !isDigit(r) {
			return v, n
		}
		if n < 9 {
			v = v*10 + int(r-'0')
		}
		d.i += size
		n++
	}
}

// skipSpace skips Unicode spaces and reports whether there were any.
func (d *dateScanner) skipSpace() bool {
	start := d.i
	for {
		r, size := d.peek()
		if !unicode.IsSpace(r) {
			return d.i > start
		}
		if r != ' ' {
			d.shape.odd = true
		}
		d.i += size
	}
}

// rest quotes what is left to read, shortened.
func (d *dateScanner) rest() string { return quoteShort(d.s[d.i:]) }

// err returns sentinel saying what is wrong, followed by the text quoted.
func (d *dateScanner) err(sentinel error, format string, args ...any) error {
	return wrapf(sentinel, format+" in %s", append(args, quoteShort(d.text))...)
}

func (d *dateScanner) fail(sentinel error, format string, args ...any) (time.Time, bool, error) {
	return time.Time{}, false, d.err(sentinel, format, args...)
}

// quoteShort quotes s, cut at a rune boundary so that the quoted form
// stays under about 80 bytes even when s is huge or not UTF-8 (each bad
// byte quotes as four).
func quoteShort(s string) string {
	const max = 72
	n := cut(s, max)
	q := strconv.Quote(s[:n])
	for len(q) > max+2 {
		n = cut(s, n/2)
		q = strconv.Quote(s[:n])
	}
	if n < len(s) {
		q += "..."
	}
	return q
}

// cut returns n, or len(s) if shorter, moved back to a rune boundary.
func cut(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

func isDigit(r rune) bool  { return '0' <= r && r <= '9' }
func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

package article

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// testLocation returns the location a test case names: "" is nil, a
// name starting with + or - is a nameless fixed zone of that many hours,
// and anything else is loaded from the system's zoneinfo, skipping the
// test where that is missing. Nothing here uses time.Local.
func testLocation(t *testing.T, name string) *time.Location {
	t.Helper()
	switch {
	case name == "":
		return nil
	case name == "UTC":
		return time.UTC
	case name[0] == '+' || name[0] == '-':
		d, err := time.ParseDuration(name[1:] + "h")
		if err != nil {
			t.Fatalf("bad test zone %q", name)
		}
		if name[0] == '-' {
			d = -d
		}
		return time.FixedZone("", int(d/time.Second))
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("zoneinfo for %s not installed (%v); skipping the China-zone cases", name, err)
	}
	return loc
}

type dateTest struct {
	in      string
	loc     string
	want    string // RFC 3339 with nanoseconds, in the result's own offset
	assumed bool
	err     error
}

var dateTests = []dateTest{
	// ISO 8601 and RFC 3339.
	{in: "2022-01-23T20:41:05Z", want: "2022-01-23T20:41:05Z"},
	{in: "2022-01-23T20:41:05+08:00", want: "2022-01-23T20:41:05+08:00"},
	{in: "2022-01-23T20:41:05.123456789-05:00", want: "2022-01-23T20:41:05.123456789-05:00"},
	{in: "2022-01-23T20:41:05.5Z", want: "2022-01-23T20:41:05.5Z"},
	{in: "2022-01-23T20:41:05.1234567891Z", want: "2022-01-23T20:41:05.123456789Z"},
	{in: "2022-01-23T20:41:05,25Z", want: "2022-01-23T20:41:05.25Z"},
	{in: "2019-04-25T18:00:00+09:00", loc: "-5", want: "2019-04-25T18:00:00+09:00"},
	{in: "2022-01-23t20:41:05z", want: "2022-01-23T20:41:05Z"},
	{in: "2016-11-03T00:00:00Z", want: "2016-11-03T00:00:00Z"},
	{in: "2022-01-23T20:41Z", want: "2022-01-23T20:41:00Z"},
	{in: "2022-01-23T20:41:05", want: "2022-01-23T20:41:05Z", assumed: true},
	{in: "2019-01-28T22:05:08", loc: "+9", want: "2019-01-28T22:05:08+09:00", assumed: true},
	{in: "2018-05-22T9:48:00", loc: "+8", want: "2018-05-22T09:48:00+08:00", assumed: true},
	{in: "2022-01-23Z", want: "2022-01-23T00:00:00Z"},
	{in: "2022-01-23+08:00", loc: "-5", want: "2022-01-23T00:00:00+08:00"},

	// Jekyll and Hugo.
	{in: "2022-01-23 20:41:05 +0800", want: "2022-01-23T20:41:05+08:00"},
	{in: "2012-10-26 18:10:11+00:00", loc: "+8", want: "2012-10-26T18:10:11Z"},
	{in: "2014-10-1 12:00:00", want: "2014-10-01T12:00:00Z", assumed: true},
	{in: "2017-9-23", loc: "+9", want: "2017-09-23T00:00:00+09:00", assumed: true},
	{in: "2022-01-23 20:41", loc: "+9", want: "2022-01-23T20:41:00+09:00", assumed: true},
	{in: "2022-01-23", loc: "+9", want: "2022-01-23T00:00:00+09:00", assumed: true},
	{in: "2022-01-23", want: "2022-01-23T00:00:00Z", assumed: true},
	{in: "2014-10-12 18:30:23 -0300", want: "2014-10-12T18:30:23-03:00"},
	{in: "2021-02-05 17:35:56 +08:00", want: "2021-02-05T17:35:56+08:00"},
	{in: "2018-06-04 1:17:00 +0800", want: "2018-06-04T01:17:00+08:00"},
	{in: "2010-01-10 13:07:09 +00:00", want: "2010-01-10T13:07:09Z"},
	{in: "2022-01-23 20:41:05 -00:00", want: "2022-01-23T20:41:05Z"},
	{in: "  2022-01-23 20:41:05 +0800\t\n", want: "2022-01-23T20:41:05+08:00"},
	{in: "2022-01-23 20:41:05 +08", want: "2022-01-23T20:41:05+08:00"},
	{in: "2022-01-23 20:41:05 +0530", want: "2022-01-23T20:41:05+05:30"},
	{in: "2022-01-23 20:41:05 -18:00", want: "2022-01-23T20:41:05-18:00"},
	{in: "2022-01-23 20:41:05.120 +0800", want: "2022-01-23T20:41:05.12+08:00"},
	{in: "2022-01-23 20:41:05 UTC", loc: "+8", want: "2022-01-23T20:41:05Z"},
	{in: "2022-01-23 20:41:05 GMT", want: "2022-01-23T20:41:05Z"},
	{in: "2022-01-23 20:41:05 UTC+8", want: "2022-01-23T20:41:05+08:00"},
	{in: "2022-01-23 20:41:05 GMT-05:30", want: "2022-01-23T20:41:05-05:30"},
	{in: "2022-01-23 20:41:05.123 +0800 CST", loc: "-5", want: "2022-01-23T20:41:05.123+08:00"},
	{in: "2022-01-23 +0800", want: "2022-01-23T00:00:00+08:00"},
	{in: "2024-02-29", want: "2024-02-29T00:00:00Z", assumed: true},
	{in: "2000-02-29 23:59:59", want: "2000-02-29T23:59:59Z", assumed: true},
	{in: "0001-01-01 00:00:00 +0000", want: "0001-01-01T00:00:00Z"},
	{in: "9999-12-31 23:59:59 -0500", want: "9999-12-31T23:59:59-05:00"},

	// Other separators.
	{in: "2022/01/23", want: "2022-01-23T00:00:00Z", assumed: true},
	{in: "2022.01.23 8:05", loc: "+9", want: "2022-01-23T08:05:00+09:00", assumed: true},
	{in: "2022/1/5 08:05:09 +0800", want: "2022-01-05T08:05:09+08:00"},

	// Chinese.
	{in: "2022年1月23日", loc: "+8", want: "2022-01-23T00:00:00+08:00", assumed: true},
	{in: "2022年1月23日 20:41", loc: "+8", want: "2022-01-23T20:41:00+08:00", assumed: true},
	{in: "2022年1月23日20时41分", loc: "+8", want: "2022-01-23T20:41:00+08:00", assumed: true},
	{in: "2022年1月23日 20点41分05秒", want: "2022-01-23T20:41:05Z", assumed: true},
	{in: "2022年1月23日 下午3:04", want: "2022-01-23T15:04:00Z", assumed: true},
	{in: "2022年1月23日 下午12:30", want: "2022-01-23T12:30:00Z", assumed: true},
	{in: "2022年1月23日 上午12:10", want: "2022-01-23T00:10:00Z", assumed: true},
	{in: "2022年1月23日 上午9:05", want: "2022-01-23T09:05:00Z", assumed: true},
	{in: "2022年1月23日 中午12:30", want: "2022-01-23T12:30:00Z", assumed: true},
	{in: "2022年1月23日 中午1:15", want: "2022-01-23T13:15:00Z", assumed: true},
	{in: "2022年1月23日 晚上8点", want: "2022-01-23T20:00:00Z", assumed: true},
	{in: "2022年1月23日 凌晨1点30分", want: "2022-01-23T01:30:00Z", assumed: true},
	{in: "2022年1月23日下午15:04", want: "2022-01-23T15:04:00Z", assumed: true},
	{in: "２０２２年１月２３日　２０：４１", want: "2022-01-23T20:41:00Z", assumed: true},
	{in: "2022年01月23号", want: "2022-01-23T00:00:00Z", assumed: true},
	{in: "2022-01-23 下午3:04", want: "2022-01-23T15:04:00Z", assumed: true},
	{in: "2022-01-23 3:04 PM", want: "2022-01-23T15:04:00Z", assumed: true},
	{in: "2022-01-23 12:04am", want: "2022-01-23T00:04:00Z", assumed: true},

	// CST and 北京时间 in China zones (need zoneinfo).
	{in: "2022-01-23 20:41:05 CST", loc: "Asia/Shanghai", want: "2022-01-23T20:41:05+08:00"},
	{in: "北京时间2022年1月23日 20:41", loc: "Asia/Shanghai", want: "2022-01-23T20:41:00+08:00"},
	{in: "2022-01-23 20:41:05 北京时间", loc: "PRC", want: "2022-01-23T20:41:05+08:00"},
	{in: "2021-12-08 10:39:01", loc: "Asia/Shanghai", want: "2021-12-08T10:39:01+08:00", assumed: true},
	{in: "2022-01-23 20:41:05 CST", loc: "America/Chicago", err: ErrUnknownZone},
	{in: "2022-01-23 20:41:05 CST", loc: "Asia/Taipei", err: ErrUnknownZone},

	// Errors.
	{in: "", err: ErrBadDate},
	{in: "   ", err: ErrBadDate},
	{in: "  +0800", err: ErrBadDate},
	{in: "not a date", err: ErrBadDate},
	{in: "2022-13-01", err: ErrBadDate},
	{in: "2022-00-10", err: ErrBadDate},
	{in: "2022-02-29", err: ErrBadDate},
	{in: "1900-02-29", err: ErrBadDate},
	{in: "2022-04-31", err: ErrBadDate},
	{in: "2022-01-00", err: ErrBadDate},
	{in: "0000-01-01", err: ErrBadDate},
	{in: "22-01-23", err: ErrBadDate},
	{in: "20220-01-23", err: ErrBadDate},
	{in: "2022-001-23", err: ErrBadDate},
	{in: "2022-01/23", err: ErrBadDate},
	{in: "2022-01", err: ErrBadDate},
	{in: "2022-01-23T", err: ErrBadDate},
	{in: "2022-01-23 24:00:00", err: ErrBadDate},
	{in: "2022-01-23 23:60", err: ErrBadDate},
	{in: "2022-01-23 23:59:60", err: ErrBadDate},
	{in: "2022-01-23 20:4", err: ErrBadDate},
	{in: "2022-01-23 20", err: ErrBadDate},
	{in: "2022-01-23 20:41:05.Z", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +1900", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +18:01", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +08:60", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +800", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +8", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +0800 extra", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 +0800 +0900", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 2021 +0800", err: ErrBadDate},
	{in: "2023-01-29 18:30:22 2023 -0800", err: ErrBadDate},
	{in: "2022-01-23 tomorrow", err: ErrBadDate},
	{in: "2022-01-23 下午", err: ErrBadDate},
	{in: "2022年1月23日 晚上12点", err: ErrBadDate},
	{in: "2022年1月23日 下午0:30", err: ErrBadDate},
	{in: "2022-01-23 上午13:00", err: ErrBadDate},
	{in: "2022-01-23 13:00 AM", err: ErrBadDate},
	{in: "2022-01-23\xff", err: ErrBadDate},
	{in: "\xff\xfe", err: ErrBadDate},
	{in: "北京时间2022-01-23 20:41 +0800", loc: "Asia/Shanghai", err: ErrBadDate},
	{in: "2022-01-23 20:41:05 EST", err: ErrUnknownZone},
	{in: "2022-01-23 20:41:05 JST", loc: "+9", err: ErrUnknownZone},
	{in: "2022-01-23T20:41:05 PST", err: ErrUnknownZone},
	{in: "2022-01-23 20:41:05 CST", err: ErrUnknownZone},
	{in: "2022-01-23 20:41:05 CST", loc: "+8", err: ErrUnknownZone},
	{in: "北京时间 2022-01-23 20:41", err: ErrUnknownZone},
	{in: "2022-01-23 20:41:05 北京时间", loc: "UTC", err: ErrUnknownZone},
}

func TestParseDate(t *testing.T) {
	for _, tt := range dateTests {
		t.Run(tt.loc+"/"+tt.in, func(t *testing.T) {
			loc := testLocation(t, tt.loc)
			got, assumed, err := parseDate(tt.in, loc)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("parseDate(%q) = %v, %v, %v; want error %v", tt.in, got, assumed, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseDate(%q): %v", tt.in, err)
			}
			if s := got.Format(time.RFC3339Nano); s != tt.want || assumed != tt.assumed {
				t.Errorf("parseDate(%q) = %s, assumed %v; want %s, assumed %v", tt.in, s, assumed, tt.want, tt.assumed)
			}
			if got.Location() == time.Local {
				t.Errorf("parseDate(%q) returned a time in time.Local", tt.in)
			}
		})
	}
}

func TestParseDateMessage(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2022-13-01", `article: invalid date: month 13 out of range in "2022-13-01"`},
		{"2023-02-29", `article: invalid date: day 29 out of range for February 2023 in "2023-02-29"`},
		{"2023-01-29 18:30:22 2023 -0800", `article: invalid date: year 2023 repeated after the time in "2023-01-29 18:30:22 2023 -0800"`},
		{"  +0800", `article: invalid date: offset without a date in "  +0800"`},
		{"", `article: invalid date: date is empty in ""`},
		{"2022-01-23 20:41 EST", `article: unknown time zone: zone "EST" is ambiguous; write a numeric offset such as +08:00 in "2022-01-23 20:41 EST"`},
	}
	for _, tt := range tests {
		_, _, err := parseDate(tt.in, nil)
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseDate(%q) error = %v; want %s", tt.in, err, tt.want)
		}
	}
	// A huge scalar gives a short message.
	_, _, err := parseDate("2022-01-23 "+strings.Repeat("x", 1<<20), nil)
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("error for a 1 MiB date is %d bytes long", len(err.Error()))
	}
}

func TestIsChinaZone(t *testing.T) {
	for _, name := range []string{"Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC"} {
		if !isChinaZone(time.FixedZone(name, 8*3600)) {
			t.Errorf("isChinaZone(%s) = false", name)
		}
	}
	for _, loc := range []*time.Location{nil, time.UTC, time.FixedZone("Asia/Taipei", 8*3600), time.FixedZone("CST", 8*3600), time.FixedZone("", 8*3600)} {
		if isChinaZone(loc) {
			t.Errorf("isChinaZone(%v) = true", loc)
		}
	}
}

func TestFormatDateLike(t *testing.T) {
	tests := []struct {
		orig string
		t    string // RFC 3339
		want string
	}{
		{"2022-01-23 20:41:05 +0800", "2022-01-23T12:41:05Z", "2022-01-23 12:41:05 +0000"},
		{"2022-01-23 20:41:05 +0800", "2022-01-23T21:41:05+09:00", "2022-01-23 21:41:05 +0900"},
		{"2022-01-23T20:41:05+08:00", "2022-01-23T07:41:05-05:00", "2022-01-23T07:41:05-05:00"},
		{"2022-01-23T20:41:05Z", "2022-01-24T04:41:05+08:00", "2022-01-24T04:41:05+08:00"},
		{"2022-01-23T20:41:05Z", "2022-01-23T20:41:05Z", "2022-01-23T20:41:05Z"},
		{"2022-01-23t20:41:05z", "2022-01-23T20:41:05Z", "2022-01-23t20:41:05z"},
		{"2022-01-23T20:41:05", "2022-01-23T20:41:05+08:00", "2022-01-23T20:41:05+08:00"},
		{"2022-01-23", "2022-01-23T00:00:00+08:00", "2022-01-23"},
		{"2022-01-23", "2022-01-22T16:00:00Z", "2022-01-22T16:00:00Z"},
		{"2017-9-23", "2017-09-03T00:00:00+09:00", "2017-9-3"},
		{"2014-10-1 12:00:00", "2014-10-01T12:00:00+08:00", "2014-10-1 12:00:00 +0800"},
		{"2018-05-22T9:48:00", "2018-05-22T09:48:00+08:00", "2018-05-22T9:48:00+08:00"},
		{"2019-01-11 22:13", "2019-01-11T22:13:00+08:00", "2019-01-11 22:13 +0800"},
		{"2019-01-11 22:13", "2019-01-11T22:13:05+08:00", "2019-01-11 22:13:05 +0800"},
		{"2022/01/23 20:41", "2022-01-23T20:41:00+08:00", "2022/01/23 20:41 +0800"},
		{"2022.01.23 8:05", "2022-01-23T08:05:00-03:00", "2022.01.23 8:05 -0300"},
		{"2012-10-26 18:10:11+00:00", "2012-10-27T02:10:11+08:00", "2012-10-27 02:10:11+08:00"},
		{"2022-01-23 20:41:05 +08", "2022-01-23T20:41:05+05:30", "2022-01-23 20:41:05 +05:30"},
		{"2022-01-23 20:41:05 +08", "2022-01-23T20:41:05+09:00", "2022-01-23 20:41:05 +09"},
		{"2022-01-23 20:41:05.120 +0800", "2022-01-23T20:41:05.5+08:00", "2022-01-23 20:41:05.500 +0800"},
		{"2022-01-23 20:41:05.120 +0800", "2022-01-23T20:41:05.123456+08:00", "2022-01-23 20:41:05.123456 +0800"},
		{"2022-01-23 20:41:05 +0800", "2022-01-23T20:41:05.25+08:00", "2022-01-23 20:41:05.25 +0800"},
		{"2022-01-23 20:41:05 UTC", "2022-01-24T04:41:05+08:00", "2022-01-24 04:41:05 +0800"},
		{"2022-01-23 +0800", "2022-01-23T00:00:00+09:00", "2022-01-23 +0900"},
		{"2022年1月23日", "2022-01-23T00:00:00+08:00", "2022年1月23日"},
		{"2022年1月23日 下午3:04", "2022-01-23T15:04:00+08:00", "2022-01-23T15:04:00+08:00"},
		{"2022年1月23日 20:41", "2022-01-23T20:41:00+08:00", "2022-01-23T20:41:00+08:00"},
		{"2022-01-23 3:04 PM", "2022-01-23T15:04:00+08:00", "2022-01-23T15:04:00+08:00"},
		{"not a date", "2022-01-23T15:04:00.5+08:00", "2022-01-23T15:04:00.5+08:00"},
		{"2022-01-23 20:41:05 +0800", "2022-01-23T20:41:05+20:00", "2022-01-23T20:41:05+20:00"},
	}
	for _, tt := range tests {
		tm, err := time.Parse(time.RFC3339Nano, tt.t)
		if err != nil {
			t.Fatal(err)
		}
		if got := formatDateLike(tt.orig, tm); got != tt.want {
			t.Errorf("formatDateLike(%q, %s) = %q; want %q", tt.orig, tt.t, got, tt.want)
		}
	}
}

// TestParseDateCorpus reads every date line of the shared corpus, as
// grep -E '^(date|lastmod|publishDate|modified|Date) *[:=]' finds them.
func TestParseDateCorpus(t *testing.T) {
	root := filepath.Join("..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s: %v", root, err)
	}
	line := regexp.MustCompile(`^(date|lastmod|publishDate|modified|Date) *[:=](.*)$`)
	// The finews generator wrote an empty date with an offset, and a
	// Jekyll docs post repeats the year (see corpus_test.go).
	knownBad := map[string]bool{"+0800": true, "2023-01-29 18:30:22 2023 -0800": true}
	n := 0
	err := filepath.WalkDir(root, func(path string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			m := line.FindStringSubmatch(strings.TrimSuffix(sc.Text(), "\r"))
			if m == nil {
				continue
			}
			v := strings.TrimSpace(m[2])
			if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
				v = v[1 : len(v)-1]
			}
			n++
			_, _, err := parseDate(v, nil)
			switch {
			case knownBad[strings.TrimSpace(v)]:
				if !errors.Is(err, ErrBadDate) {
					t.Errorf("%s: %q: got %v, want ErrBadDate", path, v, err)
				}
			case err != nil:
				t.Errorf("%s: %v", path, err)
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no date lines found in the corpus")
	}
}

func FuzzDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in, uint8(0))
		f.Add(tt.in, uint8(3))
	}
	locs := []*time.Location{
		nil,
		time.UTC,
		time.FixedZone("", 5*3600+1800),
		time.FixedZone("Asia/Shanghai", 8*3600), // a China zone by name, without zoneinfo
		time.FixedZone("", -3*3600),
	}
	f.Fuzz(func(t *testing.T, text string, li uint8) {
		loc := locs[int(li)%len(locs)]
		got, _, err := parseDate(text, loc)
		if err != nil {
			if !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrUnknownZone) {
				t.Fatalf("parseDate(%q): error %v wraps neither ErrBadDate nor ErrUnknownZone", text, err)
			}
			if len(err.Error()) > 300 {
				t.Fatalf("parseDate(%q): error is %d bytes long", text, len(err.Error()))
			}
			return
		}
		_, off := got.Zone()

		s := got.Format(time.RFC3339Nano)
		again, assumed2, err := parseDate(s, nil)
		if err != nil {
			t.Fatalf("parseDate(%q) = %s, which does not parse again: %v", text, s, err)
		}
		if _, off2 := again.Zone(); !again.Equal(got) || off2 != off || assumed2 {
			t.Fatalf("parseDate(%q) = %s; reparsed as %s", text, s, again.Format(time.RFC3339Nano))
		}

		like := formatDateLike(text, got)
		back, _, err := parseDate(like, loc)
		if err != nil {
			t.Fatalf("formatDateLike(%q, %s) = %q, which does not parse: %v", text, s, like, err)
		}
		if _, off3 := back.Zone(); !back.Equal(got) || off3 != off {
			t.Fatalf("formatDateLike(%q, %s) = %q, which reads as %s", text, s, like, back.Format(time.RFC3339Nano))
		}
	})
}

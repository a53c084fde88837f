package article

import "time"

// parseDate reads a date written in any of the forms documented in doc.go.
// A date without a zone takes loc (nil means UTC) and zoneAssumed is true.
// Errors wrap ErrBadDate or ErrUnknownZone.
//
// Placeholder: being written (issue 2).
func parseDate(text string, loc *time.Location) (t time.Time, zoneAssumed bool, err error) {
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, text, loc); err == nil {
			return t, layout == "2006-01-02", nil
		}
	}
	return time.Time{}, false, wrapf(ErrBadDate, "cannot read %q as a date", text)
}

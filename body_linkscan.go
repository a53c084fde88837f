package article

import "bytes"

// goldmark reads the destination of an inline link, after "](", to the
// first space or unbalanced ")" of the line, and reads it again for the
// next "](" when the first link fails: a line of "[a](" repeated, which
// never closes, costs time quadratic in its length (100 KB took 5 to 20
// seconds). limitLinkScans bounds that work. It measures, as goldmark
// would scan it, each destination outside fenced code; while the total
// stays within a budget far above what any real document needs (a few
// megabytes), nothing changes. Past it, a "](" whose destination would
// run on for more than linkScanCap bytes gets its "(" escaped, "]\(", so
// the scan never starts: for a link that would not have closed, that
// changes nothing; a long link that would have closed, in a document
// already past the budget, stays text. Positions do not count the
// inserted backslashes (lineIndex.inserted).
//
// Delimiter runs that never match ("*a_" repeated) are bounded the same
// way by limitEmphasisRuns (body_emphscan.go).

// linkScanCap is the destination length beyond which, past the budget, a
// "](" is escaped.
const linkScanCap = 256

// limitLinkScans returns src with the costly "](" escaped once the budget
// is spent; src itself when nothing changes.
func limitLinkScans(src []byte) []byte {
	if bytes.Count(src, []byte("](")) < 64 {
		return src
	}
	budget := 4<<20 + 4*len(src)
	var out []byte
	last := 0 // src[last:] is not yet copied to out
	var fence []byte
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		_, _, rest := containerMarkers(line)
		switch {
		case fence != nil:
			if isFenceClose(rest, fence) {
				fence = nil
			}
		case isFenceOpen(rest) != nil:
			fence = isFenceOpen(rest)
		default:
			for i := 0; ; {
				k := bytes.Index(line[i:], []byte("]("))
				if k < 0 {
					break
				}
				p := i + k + 1 // the "("
				i = p + 1
				if budget > 0 {
					budget -= destScan(line[p+1:], len(line))
					continue
				}
				if destScan(line[p+1:], linkScanCap+1) <= linkScanCap {
					continue
				}
				if out == nil {
					out = make([]byte, 0, len(src)+64)
				}
				out = append(out, src[last:start+p]...)
				out = append(out, '\\')
				last = start + p
			}
		}
		start = end + 1
	}
	if out == nil {
		return src
	}
	return append(out, src[last:]...)
}

// destScan returns how many bytes of s goldmark's parseLinkDestination
// reads, looking at no more than limit bytes: spaces, then <…> to the
// ">" or the end of the line, or else to the first space or unbalanced
// ")".
func destScan(s []byte, limit int) int {
	if len(s) > limit {
		s = s[:limit]
	}
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i < len(s) && s[i] == '<' {
		for i++; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
			} else if s[i] == '>' {
				return i + 1
			}
		}
		return len(s)
	}
	open := 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
		case c == '(':
			open++
		case c == ')':
			if open--; open < 0 {
				return i
			}
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			return i
		}
	}
	return len(s)
}

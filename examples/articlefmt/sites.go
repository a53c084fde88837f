package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/articlekit/article"
)

// siteZones caches article.SiteLocation per folder.
type siteZones struct {
	mu    sync.Mutex
	cache map[string]siteZone
}

type siteZone struct {
	loc *time.Location
	err error
}

// lookup returns the time zone of the site that dir lies in, nil when
// none says. With verbose, it reports the configuration it used, once
// per folder.
func (s *siteZones) lookup(dir string, verbose bool, w io.Writer) (*time.Location, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if z, ok := s.cache[dir]; ok {
		return z.loc, z.err
	}
	loc, config, err := article.SiteLocation(dir)
	if s.cache == nil {
		s.cache = map[string]siteZone{}
	}
	s.cache[dir] = siteZone{loc, err}
	if verbose && err == nil {
		switch {
		case loc != nil:
			fmt.Fprintf(w, "articlefmt: %s: time zone %s from %s\n", dir, loc, config)
		case config != "":
			fmt.Fprintf(w, "articlefmt: %s: %s names no time zone; using UTC\n", dir, config)
		default:
			fmt.Fprintf(w, "articlefmt: %s: no site configuration; using UTC\n", dir)
		}
	}
	return loc, err
}

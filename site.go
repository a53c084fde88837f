package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// siteConfigs are the site configuration files looked for, in order:
// Jekyll's, then Hugo's.
var siteConfigs = []string{
	"_config.yml", "_config.yaml",
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

// SiteLocation finds the time zone of the site that dir lies in: it looks
// in dir and each parent for a Jekyll _config.yml (key timezone) or a Hugo
// hugo.toml, hugo.yaml, hugo.json or config.* (key timeZone, matched
// without regard to case), and loads the zone that the nearest such file
// names. It returns the zone and the configuration file's path; a nil
// Location and "" when no configuration names a zone. An error means a
// configuration file could not be read or names a zone that cannot be
// loaded (a program should import time/tzdata if it may run where no
// zoneinfo is installed).
//
// Set the result as Parser.Location so that dates written without a zone
// take the site's zone, as the site's generator would.
func SiteLocation(dir string) (*time.Location, string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, "", err
	}
	for {
		for _, name := range siteConfigs {
			path := filepath.Join(dir, name)
			data, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			zone, err := configTimeZone(name, data)
			if err != nil {
				return nil, path, fmt.Errorf("%s: %v", path, err)
			}
			if zone == "" {
				// A site config without a zone ends the search: the
				// site's generator would use the machine's zone, which
				// we do not guess.
				return nil, path, nil
			}
			loc, err := time.LoadLocation(zone)
			if err != nil {
				return nil, path, fmt.Errorf("%s: time zone %q: %v", path, zone, err)
			}
			return loc, path, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, "", nil
		}
		dir = parent
	}
}

// configTimeZone reads the time zone key of a site configuration.
func configTimeZone(name string, data []byte) (string, error) {
	var m map[string]any
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".toml":
		err = toml.Unmarshal(data, &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		err = yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &m)
	}
	if err != nil {
		return "", err
	}
	for k, v := range m {
		if strings.EqualFold(k, "timezone") {
			if s, ok := v.(string); ok {
				return strings.TrimSpace(s), nil
			}
		}
	}
	return "", nil
}

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// articleExts are the file name extensions of articles in a folder.
var articleExts = map[string]bool{".md": true, ".markdown": true, ".html": true, ".htm": true}

// skipDirs are folders that hold generated output or dependencies, not
// articles.
var skipDirs = map[string]bool{"_site": true, "public": true, "node_modules": true}

// expand turns the arguments into the files to process: a file stands for
// itself, a folder for the articles under it, in lexical order.
func expand(args []string) (files []string, errs []error) {
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != arg && (skipDirs[name] || strings.HasPrefix(name, ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if articleExts[strings.ToLower(filepath.Ext(name))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return files, errs
}

func isDirArg(args []string) bool {
	for _, arg := range args {
		if info, err := os.Stat(arg); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}

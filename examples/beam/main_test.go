package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
)

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}

// The articles below were written for this test.
var site = map[string]string{
	// A finews-style post: explicit +0800 offset, HTML body, credit line.
	"2022-01-23-trade.md": "---\n" +
		"title: 一月外贸数据出炉\n" +
		"date: 2022-01-23 20:41:05 +0800\n" +
		"categories: 财经\n" +
		"---\n" +
		"<p>海关总署今天公布了一月份的外贸数据:出口增长明显。</p>\n" +
		"<p class=\"em_media\">（文章来源：测试通讯社）</p>\n",
	// No zone: it takes -tz.
	"2022-01-24-market.md": "---\n" +
		"title: 早盘综述\n" +
		"date: 2022-01-24 09:30:00\n" +
		"---\n" +
		"沪指小幅高开。\n",
	// The closing --- is missing.
	"broken.md": "---\n" +
		"title: 未完\n" +
		"date: 2022-01-25\n",
	// Not an article: the glob below does not match it.
	"notes.txt": "not matched\n",
}

func TestPipeline(t *testing.T) {
	in := t.TempDir()
	for name, text := range site {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	outPath := filepath.Join(out, "articles.jsonl")
	errPath := filepath.Join(out, "errors.txt")

	p, s := beam.NewPipelineWithRoot()
	lines, failures := articles(s, filepath.Join(in, "*.md"), "Asia/Shanghai")
	textio.Write(s, outPath, lines)
	textio.Write(s, errPath, failures)
	res, err := direct.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}

	type line struct {
		File  string `json:"file"`
		Title string `json:"title"`
		Date  string `json:"date"`
		// Assumed says the date took -tz.
		Assumed bool   `json:"date_zone_assumed"`
		Source  string `json:"source"`
	}
	data, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	var got []line
	for _, text := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var l line
		if err := json.Unmarshal([]byte(text), &l); err != nil {
			t.Fatalf("output line %q: %v", text, err)
		}
		if !strings.HasPrefix(text, `{"file":`) {
			t.Errorf("output line does not start with the file name: %.40s…", text)
		}
		got = append(got, l)
	}
	// Workers emit in any order.
	sort.Slice(got, func(i, j int) bool { return got[i].File < got[j].File })
	want := []line{
		{filepath.Join(in, "2022-01-23-trade.md"), "一月外贸数据出炉", "2022-01-23T20:41:05+08:00", false, "测试通讯社"},
		{filepath.Join(in, "2022-01-24-market.md"), "早盘综述", "2022-01-24T09:30:00+08:00", true, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), data)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}

	data, err = os.ReadFile(errPath)
	if err != nil {
		t.Fatal(err)
	}
	errs := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	prefix := filepath.Join(in, "broken.md") + ":1:1: article: "
	if len(errs) != 1 || !strings.HasPrefix(errs[0], prefix) {
		t.Errorf("errors file:\n%s\nwant one line starting %q", data, prefix)
	}

	n := counts(res.Metrics())
	if n["articles"] != 2 || n["failed"] != 1 {
		t.Errorf("counters: %v, want 2 articles and 1 failed", n)
	}
}

func TestErrorLineNoPosition(t *testing.T) {
	got := errorLine("gs://b/a.md", os.ErrNotExist)
	if want := "gs://b/a.md: file does not exist"; got != want {
		t.Errorf("errorLine = %q, want %q", got, want)
	}
}

func TestLoadZone(t *testing.T) {
	if loc, err := loadZone(""); loc != nil || err != nil {
		t.Errorf(`loadZone("") = %v, %v; want nil, nil (UTC)`, loc, err)
	}
	if _, err := loadZone("Asia/Shanghai"); err != nil {
		t.Error(err)
	}
	if _, err := loadZone("Mars/Olympus"); err == nil {
		t.Error("loadZone(Mars/Olympus) succeeded")
	}
}

package agent

import (
	"os"
	"path/filepath"
	"strings"
)

// Cache drops objects from the node's on-disk cache (one file per object, tag index beside it).
type Cache struct{ Root string }

func (c *Cache) Drop(zone string, urls, tags []string) int {
	n := 0
	for _, u := range urls {
		p := filepath.Join(c.Root, zone, strings.ReplaceAll(strings.TrimPrefix(u, "https://"), "/", "_"))
		if os.Remove(p) == nil {
			n++
		}
	}
	for _, t := range tags {
		idx := filepath.Join(c.Root, zone, ".tags", t)
		data, err := os.ReadFile(idx)
		if err != nil {
			continue
		}
		for _, obj := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if obj != "" && os.Remove(filepath.Join(c.Root, zone, obj)) == nil {
				n++
			}
		}
		_ = os.Remove(idx)
	}
	return n
}

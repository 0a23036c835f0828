package main

import (
	"os"
	"strings"

	"github.com/acme/search-relay/internal/relay"
)

func backends() ([]relay.Shard, relay.Suggester, relay.Changes, relay.DocStore) {
	var shards []relay.Shard
	for _, addr := range strings.Split(os.Getenv("SHARDS"), ",") {
		if addr != "" {
			shards = append(shards, dialShard(addr))
		}
	}
	return shards, dialSuggester(os.Getenv("SUGGEST_ADDR")), dialChanges(os.Getenv("CHANGES_ADDR")), dialDocs(os.Getenv("DOCS_ADDRS"))
}

// Package tracks keeps the latest position per vessel and fans out updates to subscribers.
package tracks

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"

	"github.com/redis/go-redis/v9"
)

type Position struct {
	MMSI   uint32  `json:"mmsi"`
	Lat    float64 `json:"lat"`
	Lon    float64 `json:"lon"`
	SOG    float64 `json:"sog"`
	COG    float64 `json:"cog"`
	UnixMs int64   `json:"t"`
}

type Hub struct {
	mu     sync.RWMutex
	latest map[uint32]Position
	subs   map[chan Position]struct{}
}

func NewHub() *Hub {
	return &Hub{latest: make(map[uint32]Position), subs: make(map[chan Position]struct{})}
}

func (h *Hub) Subscribe() chan Position {
	ch := make(chan Position, 1024)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch
}

func (h *Hub) Unsubscribe(ch chan Position) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

func (h *Hub) publish(p Position) {
	h.mu.Lock()
	h.latest[p.MMSI] = p
	for ch := range h.subs {
		select {
		case ch <- p:
		default: // slow subscriber: drop
		}
	}
	h.mu.Unlock()
}

// Follow reads the `ais:positions` Redis stream written by aisfeed until ctx ends.
func (h *Hub) Follow(ctx context.Context, rdb *redis.Client, log *slog.Logger) {
	last := "$"
	for ctx.Err() == nil {
		res, err := rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{"ais:positions", last}, Block: 0, Count: 500}).Result()
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("xread", "err", err)
			}
			continue
		}
		for _, s := range res {
			for _, m := range s.Messages {
				last = m.ID
				var p Position
				if raw, ok := m.Values["p"].(string); ok && json.Unmarshal([]byte(raw), &p) == nil {
					h.publish(p)
				}
			}
		}
	}
}

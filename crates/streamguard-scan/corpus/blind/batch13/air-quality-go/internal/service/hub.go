package service

import (
	"sync"

	"github.com/citylabs/air-quality/gen/aqv1"
)

// Hub fans AQI updates computed by the aggregator out to watchers.
type Hub struct {
	mu   sync.Mutex
	subs map[string]map[chan *aqv1.AqiUpdate]struct{}
}

func NewHub() *Hub { return &Hub{subs: map[string]map[chan *aqv1.AqiUpdate]struct{}{}} }

func (h *Hub) Subscribe(district string) (<-chan *aqv1.AqiUpdate, func()) {
	ch := make(chan *aqv1.AqiUpdate, 16)
	h.mu.Lock()
	if h.subs[district] == nil {
		h.subs[district] = map[chan *aqv1.AqiUpdate]struct{}{}
	}
	h.subs[district][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs[district], ch)
		h.mu.Unlock()
	}
}

func (h *Hub) Publish(u *aqv1.AqiUpdate) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[u.DistrictId] {
		select {
		case ch <- u:
		default: // slow watcher: drop
		}
	}
}

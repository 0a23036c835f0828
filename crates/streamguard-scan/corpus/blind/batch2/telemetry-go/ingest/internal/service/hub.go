package service

import (
	"sync"

	"gitlab.com/voltgrid/edge/ingest/pb"
)

type Hub struct {
	mu   sync.RWMutex
	subs map[chan *pb.Reading]string // chan -> site
}

func NewHub() *Hub { return &Hub{subs: map[chan *pb.Reading]string{}} }

func (h *Hub) Subscribe(site string) chan *pb.Reading {
	ch := make(chan *pb.Reading, 512)
	h.mu.Lock()
	h.subs[ch] = site
	h.mu.Unlock()
	return ch
}

func (h *Hub) Unsubscribe(ch chan *pb.Reading) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

func (h *Hub) Publish(site string, r *pb.Reading) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for ch, s := range h.subs {
		if s != site {
			continue
		}
		select {
		case ch <- r:
		default:
		}
	}
}

package birds

import (
	"sync"

	"github.com/hawkandhood/mews/pb"
)

// Hub fans fixes out to the falconers following a bird (in-process).
type Hub struct {
	mu      sync.Mutex
	BirdOf  func(tagID string) string
	streams map[string]map[chan *pb.TagFrame]struct{}
}

func (h *Hub) Subscribe(bird string) (<-chan *pb.TagFrame, func()) {
	ch := make(chan *pb.TagFrame, 32)
	h.mu.Lock()
	if h.streams == nil {
		h.streams = map[string]map[chan *pb.TagFrame]struct{}{}
	}
	if h.streams[bird] == nil {
		h.streams[bird] = map[chan *pb.TagFrame]struct{}{}
	}
	h.streams[bird][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.streams[bird], ch)
		h.mu.Unlock()
	}
}

func (h *Hub) Publish(f *pb.TagFrame) {
	bird := h.BirdOf(f.GetTagId())
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.streams[bird] {
		select {
		case ch <- f:
		default:
		}
	}
}

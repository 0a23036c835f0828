package notify

import (
	"slices"
	"sync"

	"github.com/tillpay/notifier/api/notifypb"
)

type subscriber struct {
	merchant string
	types    []string
	ch       chan *notifypb.Event
}

// Hub fans events out to the streams currently subscribed to a merchant.
type Hub struct {
	mu   sync.RWMutex
	subs map[*subscriber]struct{}
}

func NewHub() *Hub { return &Hub{subs: map[*subscriber]struct{}{}} }

func (h *Hub) add(merchant string, types []string) *subscriber {
	s := &subscriber{merchant: merchant, types: types, ch: make(chan *notifypb.Event, 128)}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	return s
}

func (h *Hub) remove(s *subscriber) {
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
}

func (h *Hub) Broadcast(ev *notifypb.Event) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for s := range h.subs {
		if s.merchant != ev.GetMerchantId() {
			continue
		}
		if len(s.types) > 0 && !slices.Contains(s.types, ev.GetType()) {
			continue
		}
		select {
		case s.ch <- ev:
		default:
		}
	}
}

func (h *Hub) Count() int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return len(h.subs)
}

package authn

import "sync"

type hub struct {
	mu      sync.Mutex
	next    int
	watches map[string]map[int]func()
}

func newHub() *hub { return &hub{watches: map[string]map[int]func(){}} }

func (h *hub) watch(keys []string, fn func()) func() {
	h.mu.Lock()
	id := h.next
	h.next++
	for _, k := range keys {
		if h.watches[k] == nil {
			h.watches[k] = map[int]func(){}
		}
		h.watches[k][id] = fn
	}
	h.mu.Unlock()
	return func() {
		h.mu.Lock()
		for _, k := range keys {
			delete(h.watches[k], id)
		}
		h.mu.Unlock()
	}
}

func (h *hub) fire(key string) {
	h.mu.Lock()
	fns := make([]func(), 0, len(h.watches[key]))
	for _, fn := range h.watches[key] {
		fns = append(fns, fn)
	}
	h.mu.Unlock()
	for _, fn := range fns {
		fn()
	}
}

// Package revocation fans token revocations out to open streams. Entries are pushed by the
// auth service over the internal event bus (see cmd/dispatcher).
package revocation

import "sync"

type Hub struct {
	mu       sync.Mutex
	revoked  map[string]struct{}
	watchers map[string][]chan struct{}
}

func NewHub() *Hub {
	return &Hub{revoked: map[string]struct{}{}, watchers: map[string][]chan struct{}{}}
}

// Watch returns a channel closed when jti is revoked, and a func to stop watching.
func (h *Hub) Watch(jti string) (<-chan struct{}, func()) {
	ch := make(chan struct{})
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, gone := h.revoked[jti]; gone {
		close(ch)
		return ch, func() {}
	}
	h.watchers[jti] = append(h.watchers[jti], ch)
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		list := h.watchers[jti]
		for i, c := range list {
			if c == ch {
				h.watchers[jti] = append(list[:i], list[i+1:]...)
				break
			}
		}
		if len(h.watchers[jti]) == 0 {
			delete(h.watchers, jti)
		}
	}
}

func (h *Hub) Revoke(jti string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.revoked[jti] = struct{}{}
	for _, ch := range h.watchers[jti] {
		close(ch)
	}
	delete(h.watchers, jti)
}

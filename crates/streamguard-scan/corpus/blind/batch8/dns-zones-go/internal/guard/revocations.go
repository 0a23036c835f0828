package guard

import (
	"encoding/json"
	"sync"

	"github.com/nats-io/nats.go"
)

// Revocations delivers revocation events (pushed on NATS) to the streams of
// the matching jti / subject.
type Revocations struct {
	mu      sync.Mutex
	revoked map[string]bool
	waiters map[string][]chan struct{}
}

func NewRevocations() *Revocations {
	return &Revocations{revoked: map[string]bool{}, waiters: map[string][]chan struct{}{}}
}

func (r *Revocations) Follow(nc *nats.Conn) error {
	_, err := nc.Subscribe("auth.revocations", func(m *nats.Msg) {
		var ev struct{ JTI, Sub string }
		if json.Unmarshal(m.Data, &ev) != nil {
			return
		}
		if ev.JTI != "" {
			r.fire("jti:" + ev.JTI)
		}
		if ev.Sub != "" {
			r.fire("sub:" + ev.Sub)
		}
	})
	return err
}

func (r *Revocations) fire(key string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.revoked[key] = true
	for _, ch := range r.waiters[key] {
		close(ch)
	}
	delete(r.waiters, key)
}

// Watch returns a channel closed when either key is revoked, and a release func.
func (r *Revocations) Watch(jti, sub string) (<-chan struct{}, func()) {
	out := make(chan struct{})
	a, b := make(chan struct{}), make(chan struct{})
	r.mu.Lock()
	if r.revoked["jti:"+jti] || r.revoked["sub:"+sub] {
		r.mu.Unlock()
		close(out)
		return out, func() {}
	}
	r.waiters["jti:"+jti] = append(r.waiters["jti:"+jti], a)
	r.waiters["sub:"+sub] = append(r.waiters["sub:"+sub], b)
	r.mu.Unlock()
	done := make(chan struct{})
	go func() {
		select {
		case <-a:
			close(out)
		case <-b:
			close(out)
		case <-done:
		}
	}()
	return out, func() { close(done) }
}

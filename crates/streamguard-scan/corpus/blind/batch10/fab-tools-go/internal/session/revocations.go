package session

import (
	"encoding/json"
	"sync"

	"github.com/nats-io/nats.go"
)

// Feed delivers IdP revocations (by token id or by user) to live sessions.
type Feed struct {
	mu      sync.Mutex
	revoked map[string]bool
	waiters map[string][]chan struct{}
}

func NewFeed() *Feed {
	return &Feed{revoked: map[string]bool{}, waiters: map[string][]chan struct{}{}}
}

func (f *Feed) Subscribe(nc *nats.Conn) error {
	_, err := nc.Subscribe("idp.revocations", func(m *nats.Msg) {
		var r struct{ JTI, Sub string }
		if json.Unmarshal(m.Data, &r) != nil {
			return
		}
		f.revoke("jti:"+r.JTI, "sub:"+r.Sub)
	})
	return err
}

func (f *Feed) revoke(keys ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, k := range keys {
		f.revoked[k] = true
		for _, ch := range f.waiters[k] {
			close(ch)
		}
		delete(f.waiters, k)
	}
}

// Wait returns a channel closed when any of the keys is revoked.
func (f *Feed) Wait(keys ...string) <-chan struct{} {
	ch := make(chan struct{})
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, k := range keys {
		if f.revoked[k] {
			close(ch)
			return ch
		}
	}
	for _, k := range keys {
		f.waiters[k] = append(f.waiters[k], ch)
	}
	return ch
}

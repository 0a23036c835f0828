package guard

import (
	"encoding/json"
	"sync"

	"github.com/nats-io/nats.go"
)

// Revocations fans pushed revocation events (NATS subject "iam.revoked") out to live streams.
type Revocations struct {
	mu      sync.Mutex
	revoked map[string]bool
	waiters map[string]map[chan struct{}]struct{}
}

func NewRevocations(nc *nats.Conn) (*Revocations, error) {
	r := &Revocations{revoked: map[string]bool{}, waiters: map[string]map[chan struct{}]struct{}{}}
	_, err := nc.Subscribe("iam.revoked", func(m *nats.Msg) {
		var ev struct{ JTI, Sub string }
		if json.Unmarshal(m.Data, &ev) == nil {
			r.revoke("jti:" + ev.JTI)
			r.revoke("sub:" + ev.Sub)
		}
	})
	return r, err
}

func (r *Revocations) revoke(key string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.revoked[key] = true
	for ch := range r.waiters[key] {
		close(ch)
	}
	delete(r.waiters, key)
}

func (r *Revocations) IsRevoked(jti, sub string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.revoked["jti:"+jti] || r.revoked["sub:"+sub]
}

// Watch returns a channel closed when either key is revoked, and a release func.
func (r *Revocations) Watch(jti, sub string) (<-chan struct{}, func()) {
	ch := make(chan struct{})
	r.mu.Lock()
	for _, k := range []string{"jti:" + jti, "sub:" + sub} {
		if r.waiters[k] == nil {
			r.waiters[k] = map[chan struct{}]struct{}{}
		}
		r.waiters[k][ch] = struct{}{}
	}
	r.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			r.mu.Lock()
			defer r.mu.Unlock()
			for _, k := range []string{"jti:" + jti, "sub:" + sub} {
				delete(r.waiters[k], ch)
			}
		})
	}
}

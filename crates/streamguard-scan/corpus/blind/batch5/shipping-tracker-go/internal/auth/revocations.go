package auth

import (
	"sync"

	"github.com/nats-io/nats.go"
)

// Revoked is fed by the identity service over NATS (subject "id.revoked", payload jti).
type Revoked struct {
	mu   sync.RWMutex
	jtis map[string]struct{}
}

func FollowRevocations(nc *nats.Conn) (*Revoked, error) {
	r := &Revoked{jtis: map[string]struct{}{}}
	_, err := nc.Subscribe("id.revoked", func(m *nats.Msg) {
		r.mu.Lock()
		r.jtis[string(m.Data)] = struct{}{}
		r.mu.Unlock()
	})
	return r, err
}

func (r *Revoked) Has(jti string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	_, ok := r.jtis[jti]
	return ok
}

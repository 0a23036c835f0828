package guard

import (
	"strings"
	"sync"

	"github.com/nats-io/nats.go"
)

// Revocations keeps the revoked jti/sub set, fed by the identity provider's
// `idp.revoked` subject, and calls the watchers of a matching live stream at once.
type Revocations struct {
	mu       sync.Mutex
	revoked  map[string]struct{}
	watchers map[string]map[int]func()
	next     int
}

func NewRevocations(nc *nats.Conn) (*Revocations, error) {
	r := &Revocations{revoked: map[string]struct{}{}, watchers: map[string]map[int]func(){}}
	_, err := nc.Subscribe("idp.revoked", func(m *nats.Msg) { r.revoke(strings.TrimSpace(string(m.Data))) })
	return r, err
}

func (r *Revocations) revoke(key string) {
	r.mu.Lock()
	r.revoked[key] = struct{}{}
	var fire []func()
	for _, f := range r.watchers[key] {
		fire = append(fire, f)
	}
	r.mu.Unlock()
	for _, f := range fire {
		f()
	}
}

func (r *Revocations) IsRevoked(jti, sub string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, a := r.revoked["jti:"+jti]
	_, b := r.revoked["sub:"+sub]
	return a || b
}

func (r *Revocations) Watch(jti, sub string, f func()) (unwatch func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id := r.next
	r.next++
	keys := []string{"jti:" + jti, "sub:" + sub}
	for _, k := range keys {
		if r.watchers[k] == nil {
			r.watchers[k] = map[int]func(){}
		}
		r.watchers[k][id] = f
	}
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, k := range keys {
			delete(r.watchers[k], id)
		}
	}
}

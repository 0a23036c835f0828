package authn

import (
	"context"
	"sync"
)

// Revocations is pushed to by the admin endpoint; every live stream registers a cancel func
// under its jti and subject so a revocation ends it immediately.
type Revocations struct {
	mu      sync.Mutex
	revoked map[string]bool
	live    map[string]map[*context.CancelCauseFunc]struct{}
}

func NewRevocations() *Revocations {
	return &Revocations{revoked: map[string]bool{}, live: map[string]map[*context.CancelCauseFunc]struct{}{}}
}

func (r *Revocations) IsRevoked(keys ...string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range keys {
		if r.revoked[k] {
			return true
		}
	}
	return false
}

func (r *Revocations) Register(cancel context.CancelCauseFunc, keys ...string) func() {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := &cancel
	for _, k := range keys {
		if r.live[k] == nil {
			r.live[k] = map[*context.CancelCauseFunc]struct{}{}
		}
		r.live[k][p] = struct{}{}
	}
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, k := range keys {
			delete(r.live[k], p)
			if len(r.live[k]) == 0 {
				delete(r.live, k)
			}
		}
	}
}

func (r *Revocations) Revoke(key string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.revoked[key] = true
	for p := range r.live[key] {
		(*p)(ErrRevoked)
	}
	delete(r.live, key)
}

package guard

import (
	"encoding/json"
	"log/slog"
	"sync"

	"github.com/nats-io/nats.go"
)

// Revocations keeps the revoked token ids / subjects pushed by the identity
// service on NATS and wakes every stream that belongs to them.
type Revocations struct {
	mu       sync.Mutex
	jti      map[string]struct{}
	sub      map[string]struct{}
	watchers map[string]map[chan struct{}]struct{}
}

func NewRevocations() *Revocations {
	return &Revocations{
		jti:      map[string]struct{}{},
		sub:      map[string]struct{}{},
		watchers: map[string]map[chan struct{}]struct{}{},
	}
}

// Subscribe attaches the set to the identity service's subject.
func (r *Revocations) Subscribe(nc *nats.Conn, subject string, log *slog.Logger) (*nats.Subscription, error) {
	return nc.Subscribe(subject, func(m *nats.Msg) {
		var ev struct {
			JTI string `json:"jti"`
			Sub string `json:"sub"`
		}
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			log.Warn("bad revocation event", "err", err)
			return
		}
		r.revoke(ev.JTI, ev.Sub)
	})
}

func (r *Revocations) revoke(jti, sub string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range []string{"jti:" + jti, "sub:" + sub} {
		if k == "jti:" || k == "sub:" {
			continue
		}
		for ch := range r.watchers[k] {
			close(ch)
		}
		delete(r.watchers, k)
	}
	if jti != "" {
		r.jti[jti] = struct{}{}
	}
	if sub != "" {
		r.sub[sub] = struct{}{}
	}
}

// Watch returns a channel closed when jti or sub is revoked, and a func to stop watching.
func (r *Revocations) Watch(jti, sub string) (<-chan struct{}, func(), bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.jti[jti]; ok {
		return nil, func() {}, true
	}
	if _, ok := r.sub[sub]; ok {
		return nil, func() {}, true
	}
	ch := make(chan struct{})
	for _, k := range []string{"jti:" + jti, "sub:" + sub} {
		if r.watchers[k] == nil {
			r.watchers[k] = map[chan struct{}]struct{}{}
		}
		r.watchers[k][ch] = struct{}{}
	}
	stop := func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, k := range []string{"jti:" + jti, "sub:" + sub} {
			delete(r.watchers[k], ch)
		}
	}
	return ch, stop, false
}

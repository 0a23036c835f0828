package authn

import (
	"encoding/json"
	"log/slog"
	"sync"

	"github.com/nats-io/nats.go"
)

// Revocations fans out revocation events pushed on NATS to the streams that
// are currently open for the revoked token or subject.
type Revocations struct {
	mu       sync.Mutex
	watchers map[string]map[*Watch]struct{}
}

type Watch struct {
	C    chan struct{}
	keys []string
	r    *Revocations
	once sync.Once
}

func NewRevocations(nc *nats.Conn) (*Revocations, error) {
	r := &Revocations{watchers: map[string]map[*Watch]struct{}{}}
	_, err := nc.Subscribe("forge.auth.revoked", func(m *nats.Msg) {
		var ev struct {
			JTI string `json:"jti"`
			Sub string `json:"sub"`
		}
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			slog.Warn("bad revocation event", "err", err)
			return
		}
		r.fire("jti:" + ev.JTI)
		r.fire("sub:" + ev.Sub)
	})
	return r, err
}

func (r *Revocations) Watch(jti, sub string) *Watch {
	w := &Watch{C: make(chan struct{}), keys: []string{"jti:" + jti, "sub:" + sub}, r: r}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range w.keys {
		if r.watchers[k] == nil {
			r.watchers[k] = map[*Watch]struct{}{}
		}
		r.watchers[k][w] = struct{}{}
	}
	return w
}

func (w *Watch) Stop() {
	w.r.mu.Lock()
	defer w.r.mu.Unlock()
	for _, k := range w.keys {
		delete(w.r.watchers[k], w)
	}
}

func (r *Revocations) fire(key string) {
	r.mu.Lock()
	ws := r.watchers[key]
	r.mu.Unlock()
	for w := range ws {
		w.once.Do(func() { close(w.C) })
	}
}

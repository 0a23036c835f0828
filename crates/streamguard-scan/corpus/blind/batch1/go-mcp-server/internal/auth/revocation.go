package auth

import (
	"context"
	"log/slog"
	"strings"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Revocations keeps the set of revoked token ids and subjects, fed by Redis pub/sub,
// and notifies live watchers when a matching entry arrives.
type Revocations struct {
	mu       sync.Mutex
	jtis     map[string]struct{}
	subjects map[string]struct{}
	watchers map[*Watch]struct{}
}

// Watch is a live subscription for one token.
type Watch struct {
	C        chan struct{}
	jti, sub string
	once     sync.Once
	r        *Revocations
}

func NewRevocations() *Revocations {
	return &Revocations{
		jtis:     map[string]struct{}{},
		subjects: map[string]struct{}{},
		watchers: map[*Watch]struct{}{},
	}
}

func (r *Revocations) Revoked(jti, sub string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, a := r.jtis[jti]
	_, b := r.subjects[sub]
	return a || b
}

func (r *Revocations) Watch(jti, sub string) *Watch {
	w := &Watch{C: make(chan struct{}), jti: jti, sub: sub, r: r}
	r.mu.Lock()
	r.watchers[w] = struct{}{}
	r.mu.Unlock()
	return w
}

func (w *Watch) Close() {
	w.r.mu.Lock()
	delete(w.r.watchers, w)
	w.r.mu.Unlock()
}

func (r *Revocations) add(kind, id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if kind == "jti" {
		r.jtis[id] = struct{}{}
	} else {
		r.subjects[id] = struct{}{}
	}
	for w := range r.watchers {
		if (kind == "jti" && w.jti == id) || (kind == "sub" && w.sub == id) {
			w.once.Do(func() { close(w.C) })
		}
	}
}

// Follow consumes "jti:<id>" / "sub:<id>" messages until ctx is done.
func (r *Revocations) Follow(ctx context.Context, rdb *redis.Client, channel string) {
	ps := rdb.Subscribe(ctx, channel)
	defer ps.Close()
	for msg := range ps.Channel() {
		kind, id, ok := strings.Cut(msg.Payload, ":")
		if !ok {
			slog.Warn("bad revocation message", "payload", msg.Payload)
			continue
		}
		r.add(kind, id)
	}
}

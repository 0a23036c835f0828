package ratelimit

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

type Registry struct {
	mu      sync.Mutex
	every   time.Duration
	burst   int
	entries map[string]*entry
}

type entry struct {
	lim  *rate.Limiter
	seen time.Time
}

func NewRegistry(perMinute, burst int) *Registry {
	r := &Registry{every: time.Minute / time.Duration(perMinute), burst: burst, entries: map[string]*entry{}}
	go r.gc()
	return r
}

// ForPeer returns the limiter for a remote address.
func (r *Registry) ForPeer(addr string) *rate.Limiter {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.entries[addr]
	if !ok {
		e = &entry{lim: rate.NewLimiter(rate.Every(r.every), r.burst)}
		r.entries[addr] = e
	}
	e.seen = time.Now()
	return e.lim
}

func (r *Registry) gc() {
	for range time.Tick(time.Minute) {
		r.mu.Lock()
		for k, e := range r.entries {
			if time.Since(e.seen) > 10*time.Minute {
				delete(r.entries, k)
			}
		}
		r.mu.Unlock()
	}
}

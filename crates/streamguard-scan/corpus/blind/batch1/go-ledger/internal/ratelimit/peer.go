package ratelimit

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/peer"
)

// PeerLimiter hands out one token bucket per remote address.
type PeerLimiter struct {
	mu      sync.Mutex
	r       rate.Limit
	b       int
	buckets map[string]*entry
}

type entry struct {
	lim  *rate.Limiter
	seen time.Time
}

func NewPeerLimiter(perSecond float64, burst int) *PeerLimiter {
	pl := &PeerLimiter{r: rate.Limit(perSecond), b: burst, buckets: map[string]*entry{}}
	go pl.gc()
	return pl
}

func (pl *PeerLimiter) For(ctx context.Context) *rate.Limiter {
	key := "unknown"
	if p, ok := peer.FromContext(ctx); ok && p.Addr != nil {
		key = p.Addr.String()
	}
	pl.mu.Lock()
	defer pl.mu.Unlock()
	e, ok := pl.buckets[key]
	if !ok {
		e = &entry{lim: rate.NewLimiter(pl.r, pl.b)}
		pl.buckets[key] = e
	}
	e.seen = time.Now()
	return e.lim
}

func (pl *PeerLimiter) gc() {
	for range time.Tick(5 * time.Minute) {
		pl.mu.Lock()
		for k, e := range pl.buckets {
			if time.Since(e.seen) > 10*time.Minute {
				delete(pl.buckets, k)
			}
		}
		pl.mu.Unlock()
	}
}

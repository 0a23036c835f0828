package service

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/peer"
)

// PeerLimiter keeps one bucket per remote address.
type PeerLimiter struct {
	mu      sync.Mutex
	rps     rate.Limit
	burst   int
	buckets map[string]*entry
}

type entry struct {
	lim  *rate.Limiter
	seen time.Time
}

func NewPeerLimiter(rps float64, burst int) *PeerLimiter {
	l := &PeerLimiter{rps: rate.Limit(rps), burst: burst, buckets: map[string]*entry{}}
	go l.gc()
	return l
}

func (l *PeerLimiter) Allow(ctx context.Context) bool {
	key := "unknown"
	if p, ok := peer.FromContext(ctx); ok {
		key = p.Addr.String()
	}
	l.mu.Lock()
	e, ok := l.buckets[key]
	if !ok {
		e = &entry{lim: rate.NewLimiter(l.rps, l.burst)}
		l.buckets[key] = e
	}
	e.seen = time.Now()
	l.mu.Unlock()
	return e.lim.Allow()
}

func (l *PeerLimiter) gc() {
	for range time.Tick(time.Minute) {
		l.mu.Lock()
		for k, e := range l.buckets {
			if time.Since(e.seen) > 5*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.mu.Unlock()
	}
}

package server

import (
	"sync"

	"golang.org/x/time/rate"
)

// IdentityLimiter hands out one token bucket per subject, shared by all of that subject's streams.
type IdentityLimiter struct {
	mu     sync.Mutex
	rps    rate.Limit
	burst  int
	bySub  map[string]*rate.Limiter
}

func NewIdentityLimiter(rps float64, burst int) *IdentityLimiter {
	return &IdentityLimiter{rps: rate.Limit(rps), burst: burst, bySub: map[string]*rate.Limiter{}}
}

func (l *IdentityLimiter) Allow(subject string) bool {
	l.mu.Lock()
	lim, ok := l.bySub[subject]
	if !ok {
		lim = rate.NewLimiter(l.rps, l.burst)
		l.bySub[subject] = lim
	}
	l.mu.Unlock()
	return lim.Allow()
}

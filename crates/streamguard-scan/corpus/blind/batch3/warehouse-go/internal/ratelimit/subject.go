package ratelimit

import (
	"sync"

	"golang.org/x/time/rate"
)

// PerSubject hands out one limiter per token subject, shared by every stream
// that subject opens on this instance.
type PerSubject struct {
	mu    sync.Mutex
	lim   map[string]*rate.Limiter
	r     rate.Limit
	burst int
}

func NewPerSubject(r rate.Limit, burst int) *PerSubject {
	return &PerSubject{lim: map[string]*rate.Limiter{}, r: r, burst: burst}
}

func (p *PerSubject) For(sub string) *rate.Limiter {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.lim[sub]
	if !ok {
		l = rate.NewLimiter(p.r, p.burst)
		p.lim[sub] = l
	}
	return l
}

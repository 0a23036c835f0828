package ratelimit

import (
	"sync"

	"golang.org/x/time/rate"
)

// PerUnit hands out one limiter per RTU id, shared by every link the unit opens.
type PerUnit struct {
	mu    sync.Mutex
	lim   map[string]*rate.Limiter
	Rate  rate.Limit
	Burst int
}

func (p *PerUnit) For(id string) *rate.Limiter {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lim == nil {
		p.lim = map[string]*rate.Limiter{}
	}
	l, ok := p.lim[id]
	if !ok {
		l = rate.NewLimiter(p.Rate, p.Burst)
		p.lim[id] = l
	}
	return l
}

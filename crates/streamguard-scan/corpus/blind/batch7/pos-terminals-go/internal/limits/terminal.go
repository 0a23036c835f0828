// Package limits rate-limits lane operations per terminal, across all of its streams.
package limits

import (
	"sync"

	"golang.org/x/time/rate"
)

type PerTerminal struct {
	mu   sync.Mutex
	lims map[string]*rate.Limiter
}

func NewPerTerminal() *PerTerminal { return &PerTerminal{lims: make(map[string]*rate.Limiter)} }

// Allow reports whether terminal id may perform one more operation (20/s, burst 60: a busy lane
// scanning a full trolley stays well under this).
func (p *PerTerminal) Allow(id string) bool {
	p.mu.Lock()
	l, ok := p.lims[id]
	if !ok {
		l = rate.NewLimiter(20, 60)
		p.lims[id] = l
	}
	p.mu.Unlock()
	return l.Allow()
}

// Package ratelimit limits messages per token subject across all streams of
// this interlocking gateway (there is exactly one per control area).
package ratelimit

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

type entry struct {
	lim  *rate.Limiter
	seen time.Time
}

type Subjects struct {
	mu    sync.Mutex
	every rate.Limit
	burst int
	m     map[string]*entry
}

func NewSubjects(perSecond float64, burst int) *Subjects {
	s := &Subjects{every: rate.Limit(perSecond), burst: burst, m: map[string]*entry{}}
	go s.sweep()
	return s
}

func (s *Subjects) Allow(subject string) bool {
	s.mu.Lock()
	e, ok := s.m[subject]
	if !ok {
		e = &entry{lim: rate.NewLimiter(s.every, s.burst)}
		s.m[subject] = e
	}
	e.seen = time.Now()
	s.mu.Unlock()
	return e.lim.Allow()
}

func (s *Subjects) sweep() {
	for range time.Tick(5 * time.Minute) {
		s.mu.Lock()
		for k, e := range s.m {
			if time.Since(e.seen) > 30*time.Minute {
				delete(s.m, k)
			}
		}
		s.mu.Unlock()
	}
}

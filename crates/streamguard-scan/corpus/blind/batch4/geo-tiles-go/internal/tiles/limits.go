package tiles

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// SubjectLimiter keeps one token bucket per subject for the life of the process.
type SubjectLimiter struct {
	mu       sync.Mutex
	limit    rate.Limit
	burst    int
	buckets  map[string]*entry
	lastSwep time.Time
}

type entry struct {
	l    *rate.Limiter
	seen time.Time
}

func NewSubjectLimiter(perSecond float64, burst int) *SubjectLimiter {
	return &SubjectLimiter{limit: rate.Limit(perSecond), burst: burst, buckets: map[string]*entry{}}
}

func (s *SubjectLimiter) Allow(sub string) bool {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.buckets[sub]
	if !ok {
		e = &entry{l: rate.NewLimiter(s.limit, s.burst)}
		s.buckets[sub] = e
	}
	e.seen = now
	if now.Sub(s.lastSwep) > 10*time.Minute {
		for k, v := range s.buckets {
			if now.Sub(v.seen) > 30*time.Minute {
				delete(s.buckets, k)
			}
		}
		s.lastSwep = now
	}
	return e.l.Allow()
}

package rigauth

import (
	"sync"

	"golang.org/x/time/rate"
)

// SubjectLimiters hands out one limiter per token subject for the whole process (rigd runs as a
// single instance per rig).
type SubjectLimiters struct {
	mu    sync.Mutex
	r     rate.Limit
	burst int
	m     map[string]*rate.Limiter
}

func NewSubjectLimiters(r rate.Limit, burst int) *SubjectLimiters {
	return &SubjectLimiters{r: r, burst: burst, m: map[string]*rate.Limiter{}}
}

func (s *SubjectLimiters) For(sub string) *rate.Limiter {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.m[sub]
	if !ok {
		l = rate.NewLimiter(s.r, s.burst)
		s.m[sub] = l
	}
	return l
}

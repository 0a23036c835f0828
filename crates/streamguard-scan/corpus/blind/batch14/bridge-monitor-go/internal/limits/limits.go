package limits

import (
	"sync"

	"golang.org/x/time/rate"
)

// PerSubject hands out one token bucket per subject, shared by every stream
// that subject opens on this instance.
type PerSubject struct {
	mu    sync.Mutex
	r     rate.Limit
	burst int
	m     map[string]*rate.Limiter
}

func NewPerSubject(perSecond float64, burst int) *PerSubject {
	return &PerSubject{r: rate.Limit(perSecond), burst: burst, m: map[string]*rate.Limiter{}}
}

func (l *PerSubject) Allow(subject string) bool {
	l.mu.Lock()
	lim, ok := l.m[subject]
	if !ok {
		lim = rate.NewLimiter(l.r, l.burst)
		l.m[subject] = lim
	}
	l.mu.Unlock()
	return lim.Allow()
}

package limits

import (
	"sync"

	"golang.org/x/time/rate"
)

// BySubject shares one limiter per engineer across all streams of the process.
type BySubject struct {
	m     sync.Map
	Rate  rate.Limit
	Burst int
}

func (b *BySubject) Allow(sub string) bool {
	l, _ := b.m.LoadOrStore(sub, rate.NewLimiter(b.Rate, b.Burst))
	return l.(*rate.Limiter).Allow()
}

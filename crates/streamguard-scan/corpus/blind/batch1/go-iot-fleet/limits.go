package main

import (
	"sync"

	"golang.org/x/time/rate"
)

// deviceLimits keeps one sample-rate limiter per device identity, shared by all
// of that device's streams.
type deviceLimits struct {
	mu    sync.Mutex
	rate  rate.Limit
	burst int
	byDev map[string]*rate.Limiter
}

func newDeviceLimits(perSecond float64, burst int) *deviceLimits {
	return &deviceLimits{rate: rate.Limit(perSecond), burst: burst, byDev: map[string]*rate.Limiter{}}
}

func (d *deviceLimits) forDevice(id string) *rate.Limiter {
	d.mu.Lock()
	defer d.mu.Unlock()
	l, ok := d.byDev[id]
	if !ok {
		l = rate.NewLimiter(d.rate, d.burst)
		d.byDev[id] = l
	}
	return l
}

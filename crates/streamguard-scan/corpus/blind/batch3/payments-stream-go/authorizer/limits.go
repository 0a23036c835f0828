package main

import (
	"sync"
	"time"
)

// VelocityLimits caps authorizations per terminal per minute, across all of
// the terminal's streams.
type VelocityLimits struct {
	mu     sync.Mutex
	max    int
	counts map[string]*window
}

type window struct {
	start time.Time
	n     int
}

func NewVelocityLimits(perMinute int) *VelocityLimits {
	return &VelocityLimits{max: perMinute, counts: map[string]*window{}}
}

func (v *VelocityLimits) Allow(terminalID string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	w, ok := v.counts[terminalID]
	now := time.Now()
	if !ok || now.Sub(w.start) >= time.Minute {
		w = &window{start: now}
		v.counts[terminalID] = w
	}
	w.n++
	return w.n <= v.max
}

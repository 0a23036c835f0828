package ingest

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// PeerLimiter keeps one token bucket per remote address so a misbehaving receiver
// cannot flood the position stream.
type PeerLimiter struct {
	mu      sync.Mutex
	perPeer map[string]*entry
	rps     rate.Limit
	burst   int
}

type entry struct {
	lim  *rate.Limiter
	seen time.Time
}

func NewPeerLimiter(rps float64, burst int) *PeerLimiter {
	l := &PeerLimiter{perPeer: make(map[string]*entry), rps: rate.Limit(rps), burst: burst}
	go l.gc()
	return l
}

func (l *PeerLimiter) Allow(peerAddr string) bool {
	l.mu.Lock()
	e, ok := l.perPeer[peerAddr]
	if !ok {
		e = &entry{lim: rate.NewLimiter(l.rps, l.burst)}
		l.perPeer[peerAddr] = e
	}
	e.seen = time.Now()
	l.mu.Unlock()
	return e.lim.Allow()
}

func (l *PeerLimiter) gc() {
	for range time.Tick(time.Minute) {
		l.mu.Lock()
		for k, e := range l.perPeer {
			if time.Since(e.seen) > 10*time.Minute {
				delete(l.perPeer, k)
			}
		}
		l.mu.Unlock()
	}
}

package ratelimit

import (
	"context"
	"sync"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/peer"
)

// PeerLimiter hands out one limiter per remote address.
type PeerLimiter struct {
	mu    sync.Mutex
	r     rate.Limit
	burst int
	byKey map[string]*rate.Limiter
}

func NewPeerLimiter(perSecond float64, burst int) *PeerLimiter {
	return &PeerLimiter{r: rate.Limit(perSecond), burst: burst, byKey: make(map[string]*rate.Limiter)}
}

func (p *PeerLimiter) For(ctx context.Context) *rate.Limiter {
	key := "unknown"
	if pr, ok := peer.FromContext(ctx); ok && pr.Addr != nil {
		key = pr.Addr.String()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.byKey[key]
	if !ok {
		l = rate.NewLimiter(p.r, p.burst)
		p.byKey[key] = l
	}
	return l
}

func (p *PeerLimiter) Forget(ctx context.Context) {
	if pr, ok := peer.FromContext(ctx); ok && pr.Addr != nil {
		p.mu.Lock()
		delete(p.byKey, pr.Addr.String())
		p.mu.Unlock()
	}
}

// Package guard authenticates every stream (OIDC), ends it at token expiry, on a pushed revocation or
// after the maximum lifetime, and authorizes and rate-limits every received message.
package guard

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/nats-io/nats.go"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	errExpired  = errors.New("token_expired")
	errRevoked  = errors.New("token_revoked")
	errLifetime = errors.New("max_stream_lifetime")
)

type Principal struct {
	Subject  string
	TokenID  string
	Stations []string
	Gates    []string
}

func (p *Principal) HasGate(g string) bool {
	for _, x := range p.Gates {
		if x == g || strings.HasPrefix(g, strings.TrimSuffix(x, "*")) && strings.HasSuffix(x, "*") {
			return true
		}
	}
	return false
}

func (p *Principal) HasStation(s string) bool {
	for _, x := range p.Stations {
		if x == s {
			return true
		}
	}
	return false
}

type principalKey struct{}

func PrincipalFrom(ctx context.Context) *Principal { p, _ := ctx.Value(principalKey{}).(*Principal); return p }

// Authorizer checks one received message against the principal.
type Authorizer func(p *Principal, msg any) error

type Guard struct {
	Verifier    *oidc.IDTokenVerifier
	MaxLifetime time.Duration
	Authorizers map[string]Authorizer

	mu       sync.Mutex
	watchers map[string]map[chan struct{}]struct{}
	limiters map[string]*rate.Limiter
}

func (g *Guard) SubscribeRevocations(nc *nats.Conn) error {
	_, err := nc.Subscribe("railco.revocations", func(m *nats.Msg) {
		var ev struct{ Jti, Sub string }
		if json.Unmarshal(m.Data, &ev) != nil {
			return
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, key := range []string{ev.Jti, ev.Sub} {
			for ch := range g.watchers[key] {
				select {
				case ch <- struct{}{}:
				default:
				}
			}
		}
	})
	return err
}

func (g *Guard) watch(p *Principal) (chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	g.mu.Lock()
	if g.watchers == nil {
		g.watchers = map[string]map[chan struct{}]struct{}{}
	}
	for _, k := range []string{p.TokenID, p.Subject} {
		if g.watchers[k] == nil {
			g.watchers[k] = map[chan struct{}]struct{}{}
		}
		g.watchers[k][ch] = struct{}{}
	}
	g.mu.Unlock()
	return ch, func() {
		g.mu.Lock()
		for _, k := range []string{p.TokenID, p.Subject} {
			delete(g.watchers[k], ch)
		}
		g.mu.Unlock()
	}
}

func (g *Guard) limiter(sub string) *rate.Limiter {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.limiters == nil {
		g.limiters = map[string]*rate.Limiter{}
	}
	l, ok := g.limiters[sub]
	if !ok {
		l = rate.NewLimiter(rate.Limit(50), 100) // per identity, shared by all of its streams
		g.limiters[sub] = l
	}
	return l
}

type guardedStream struct {
	grpc.ServerStream
	ctx       context.Context
	principal *Principal
	authorize Authorizer
	limiter   *rate.Limiter
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ctx.Err(); err != nil {
		return causeStatus(s.ctx)
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if !s.limiter.Allow() {
		return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
	}
	if s.authorize != nil {
		if err := s.authorize(s.principal, m); err != nil {
			return status.Error(codes.PermissionDenied, err.Error())
		}
	}
	return nil
}

func (s *guardedStream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return causeStatus(s.ctx)
	}
	return s.ServerStream.SendMsg(m)
}

func causeStatus(ctx context.Context) error {
	switch context.Cause(ctx) {
	case errExpired:
		return status.Error(codes.Unauthenticated, "token_expired")
	case errRevoked:
		return status.Error(codes.PermissionDenied, "token_revoked")
	case errLifetime:
		return status.Error(codes.Unavailable, "max_stream_lifetime")
	}
	return status.FromContextError(ctx.Err()).Err()
}

func (g *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	raw := strings.TrimPrefix(strings.Join(md.Get("authorization"), ""), "Bearer ")
	tok, err := g.Verifier.Verify(ss.Context(), raw)
	if err != nil {
		return status.Error(codes.Unauthenticated, "invalid token")
	}
	var c struct {
		Jti      string   `json:"jti"`
		Stations []string `json:"stations"`
		Gates    []string `json:"gates"`
	}
	if err := tok.Claims(&c); err != nil {
		return status.Error(codes.Unauthenticated, "bad claims")
	}
	p := &Principal{Subject: tok.Subject, TokenID: c.Jti, Stations: c.Stations, Gates: c.Gates}

	ctx, cancelExp := context.WithDeadlineCause(ss.Context(), tok.Expiry, errExpired)
	defer cancelExp()
	ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
	defer cancelLife()
	ctx, cancelRev := context.WithCancelCause(ctx)
	defer cancelRev(nil)
	revoked, unwatch := g.watch(p)
	defer unwatch()
	go func() {
		select {
		case <-revoked:
			cancelRev(errRevoked)
		case <-ctx.Done():
		}
	}()

	gs := &guardedStream{
		ServerStream: ss,
		ctx:          context.WithValue(ctx, principalKey{}, p),
		principal:    p,
		authorize:    g.Authorizers[info.FullMethod],
		limiter:      g.limiter(p.Subject),
	}
	err = handler(srv, gs)
	if ctx.Err() != nil {
		return causeStatus(ctx)
	}
	return err
}

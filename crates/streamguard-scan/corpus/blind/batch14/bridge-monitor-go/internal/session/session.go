// Package session authenticates every stream with the bridge authority's OIDC
// provider and keeps it honest for its whole life: the stream context ends at
// the token's exp, on a revocation pushed over NATS, and at a maximum
// lifetime; every incoming message is authorized and rate limited per subject.
package session

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/nats-io/nats.go"
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
	Subject string   `json:"sub"`
	ID      string   `json:"jti"`
	Spans   []string `json:"spans"`
	Roles   []string `json:"roles"`
	Expiry  time.Time
}

func (p *Principal) HasSpan(span string) bool {
	for _, s := range p.Spans {
		if s == span {
			return true
		}
	}
	return false
}

// Authorizer decides whether one decoded message may be processed.
type Authorizer func(p *Principal, msg any) error

// Limiter is consulted for every message, keyed by subject.
type Limiter interface{ Allow(subject string) bool }

type Guard struct {
	Verifier    *oidc.IDTokenVerifier
	MaxLifetime time.Duration
	Authorize   map[string]Authorizer // full method -> per-message check
	Limiter     Limiter

	mu      sync.Mutex
	watch   map[string]map[chan struct{}]struct{} // "sub:x" / "jti:y" -> live streams
	revoked map[string]bool
}

func (g *Guard) ListenRevocations(nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("bridge.auth.revoked", func(m *nats.Msg) {
		key := string(m.Data)
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.revoked == nil {
			g.revoked = map[string]bool{}
		}
		g.revoked[key] = true
		for ch := range g.watch[key] {
			close(ch)
		}
		delete(g.watch, key)
	})
}

func (g *Guard) subscribe(p *Principal) (chan struct{}, func(), bool) {
	ch := make(chan struct{})
	keys := []string{"sub:" + p.Subject, "jti:" + p.ID}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, k := range keys {
		if g.revoked[k] {
			return nil, nil, true
		}
	}
	if g.watch == nil {
		g.watch = map[string]map[chan struct{}]struct{}{}
	}
	for _, k := range keys {
		if g.watch[k] == nil {
			g.watch[k] = map[chan struct{}]struct{}{}
		}
		g.watch[k][ch] = struct{}{}
	}
	return ch, func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, k := range keys {
			delete(g.watch[k], ch)
		}
	}, false
}

func (g *Guard) authenticate(ctx context.Context) (*Principal, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing_token")
	}
	tok, err := g.Verifier.Verify(ctx, strings.TrimPrefix(vals[0], "Bearer "))
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid_token")
	}
	p := &Principal{Expiry: tok.Expiry}
	if err := tok.Claims(p); err != nil {
		return nil, status.Error(codes.Unauthenticated, "bad_claims")
	}
	return p, nil
}

type principalKey struct{}

func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	p      *Principal
	method string
	g      *Guard
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ctx.Err(); err != nil {
		return causeStatus(s.ctx)
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if !s.g.Limiter.Allow(s.p.Subject) {
		return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
	}
	if auth := s.g.Authorize[s.method]; auth != nil {
		if err := auth(s.p, m); err != nil {
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

func (g *Guard) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		p, err := g.authenticate(ss.Context())
		if err != nil {
			return err
		}
		revokedCh, unsubscribe, already := g.subscribe(p)
		if already {
			return status.Error(codes.PermissionDenied, "token_revoked")
		}
		defer unsubscribe()

		ctx, cancelExp := context.WithDeadlineCause(ss.Context(), p.Expiry.Add(time.Second), errExpired)
		defer cancelExp()
		ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
		defer cancelLife()
		ctx, cancelRev := context.WithCancelCause(ctx)
		defer cancelRev(nil)
		go func() {
			select {
			case <-revokedCh:
				cancelRev(errRevoked)
			case <-ctx.Done():
			}
		}()
		ctx = context.WithValue(ctx, principalKey{}, p)

		err = handler(srv, &guardedStream{ServerStream: ss, ctx: ctx, p: p, method: info.FullMethod, g: g})
		if ctx.Err() != nil && ss.Context().Err() == nil {
			return causeStatus(ctx)
		}
		return err
	}
}

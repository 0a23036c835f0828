// Package guard authenticates every stream and keeps it authorized while it lives.
package guard

import (
	"context"
	"crypto"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	ErrExpired  = status.Error(codes.Unauthenticated, "token_expired")
	ErrRevoked  = status.Error(codes.PermissionDenied, "token_revoked")
	ErrLifetime = status.Error(codes.Unavailable, "max_stream_lifetime")
)

type Claims struct {
	jwt.RegisteredClaims
	Scope string   `json:"scope"`
	Racks []string `json:"racks"`
}

func (c *Claims) HasScope(s string) bool {
	for _, x := range strings.Fields(c.Scope) {
		if x == s {
			return true
		}
	}
	return false
}

func (c *Claims) CanRack(rack string) bool {
	for _, r := range c.Racks {
		if r == rack || r == "*" {
			return true
		}
	}
	return false
}

type claimsKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

// Authorizer checks one received message against the stream's claims.
type Authorizer func(c *Claims, msg any) error

type Guard struct {
	key       crypto.PublicKey
	issuer    string
	audience  string
	maxStream time.Duration
	authz     map[string]Authorizer

	mu    sync.Mutex
	watch map[string]map[chan struct{}]struct{}
}

func New(key crypto.PublicKey, issuer, audience string, maxStream time.Duration, authz map[string]Authorizer) *Guard {
	return &Guard{key: key, issuer: issuer, audience: audience, maxStream: maxStream, authz: authz,
		watch: map[string]map[chan struct{}]struct{}{}}
}

// SubscribeRevocations listens for "jti:<id>" / "sub:<id>" pushed by the IdP bridge.
func (g *Guard) SubscribeRevocations(nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("idp.revocations", func(m *nats.Msg) {
		g.mu.Lock()
		defer g.mu.Unlock()
		for ch := range g.watch[string(m.Data)] {
			select {
			case <-ch:
			default:
				close(ch)
			}
		}
	})
}

func (g *Guard) register(keys []string) (chan struct{}, func()) {
	ch := make(chan struct{})
	g.mu.Lock()
	for _, k := range keys {
		if g.watch[k] == nil {
			g.watch[k] = map[chan struct{}]struct{}{}
		}
		g.watch[k][ch] = struct{}{}
	}
	g.mu.Unlock()
	return ch, func() {
		g.mu.Lock()
		for _, k := range keys {
			delete(g.watch[k], ch)
		}
		g.mu.Unlock()
	}
}

func (g *Guard) verify(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), claims,
		func(*jwt.Token) (any, error) { return g.key, nil },
		jwt.WithValidMethods([]string{"EdDSA"}), jwt.WithIssuer(g.issuer), jwt.WithAudience(g.audience),
		jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second))
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	return claims, nil
}

// Stream is the grpc.StreamServerInterceptor.
func (g *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	claims, err := g.verify(ss.Context())
	if err != nil {
		return err
	}
	ctx, cancelExp := context.WithDeadlineCause(ss.Context(), claims.ExpiresAt.Time, ErrExpired)
	defer cancelExp()
	ctx, cancelLife := context.WithTimeoutCause(ctx, g.maxStream, ErrLifetime)
	defer cancelLife()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	revoked, unregister := g.register([]string{"jti:" + claims.ID, "sub:" + claims.Subject})
	defer unregister()
	go func() {
		select {
		case <-revoked:
			cancel(ErrRevoked)
		case <-ctx.Done():
		}
	}()

	wrapped := &guardedStream{ServerStream: ss, ctx: context.WithValue(ctx, claimsKey{}, claims), claims: claims,
		authz: g.authz[info.FullMethod]}
	herr := handler(srv, wrapped)
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		if s, ok := status.FromError(cause); ok && s.Code() != codes.OK {
			return cause
		}
	}
	return herr
}

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	claims *Claims
	authz  Authorizer
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) SendMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	return s.ServerStream.SendMsg(m)
}

func (s *guardedStream) RecvMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return err
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if s.authz != nil {
		return s.authz(s.claims, m)
	}
	return nil
}

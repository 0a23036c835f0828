// Package guard authenticates streams and keeps them honest for their whole life: a stream ends
// when its token expires, when the token or its subject is revoked (pushed over NATS), and after
// a maximum lifetime.
package guard

import (
	"context"
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
	ErrTokenExpired = errors.New("token_expired")
	ErrTokenRevoked = errors.New("token_revoked")
	ErrMaxLifetime  = errors.New("max_stream_lifetime")
)

type Claims struct {
	jwt.RegisteredClaims
	Account string   `json:"acct"`
	Zones   []string `json:"zones"`
	POP     string   `json:"pop"`
	Scope   string   `json:"scope"`
}

func (c *Claims) HasScope(s string) bool {
	for _, x := range strings.Fields(c.Scope) {
		if x == s {
			return true
		}
	}
	return false
}

type ctxKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

type Guard struct {
	keyfunc     jwt.Keyfunc
	audience    string
	maxLifetime time.Duration

	mu       sync.Mutex
	watchers map[string]map[*watcher]struct{} // by "jti:" / "sub:" key
}

type watcher struct{ cancel context.CancelCauseFunc }

func New(keyfunc jwt.Keyfunc, audience string, maxLifetime time.Duration) *Guard {
	return &Guard{keyfunc: keyfunc, audience: audience, maxLifetime: maxLifetime, watchers: make(map[string]map[*watcher]struct{})}
}

// FollowRevocations subscribes to `auth.revoked` (payload "jti:<id>" or "sub:<id>").
func (g *Guard) FollowRevocations(nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("auth.revoked", func(m *nats.Msg) {
		key := string(m.Data)
		g.mu.Lock()
		for w := range g.watchers[key] {
			w.cancel(ErrTokenRevoked)
		}
		g.mu.Unlock()
	})
}

func (g *Guard) watch(keys []string, w *watcher) func() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, k := range keys {
		if g.watchers[k] == nil {
			g.watchers[k] = make(map[*watcher]struct{})
		}
		g.watchers[k][w] = struct{}{}
	}
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, k := range keys {
			delete(g.watchers[k], w)
		}
	}
}

func (g *Guard) authenticate(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	v := md.Get("authorization")
	if len(v) == 0 || !strings.HasPrefix(v[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	c := &Claims{}
	if _, err := jwt.ParseWithClaims(v[0][7:], c, g.keyfunc,
		jwt.WithValidMethods([]string{"ES256"}), jwt.WithAudience(g.audience),
		jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second)); err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return c, nil
}

type guardedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) SendMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return toStatus(err)
	}
	return s.ServerStream.SendMsg(m)
}

func (s *guardedStream) RecvMsg(m any) error {
	if err := context.Cause(s.ctx); err != nil {
		return toStatus(err)
	}
	return s.ServerStream.RecvMsg(m)
}

func toStatus(cause error) error {
	switch {
	case errors.Is(cause, ErrTokenExpired):
		return status.Error(codes.Unauthenticated, "token_expired")
	case errors.Is(cause, ErrTokenRevoked):
		return status.Error(codes.PermissionDenied, "token_revoked")
	case errors.Is(cause, ErrMaxLifetime):
		return status.Error(codes.Unavailable, "max_stream_lifetime")
	}
	return status.FromContextError(cause).Err()
}

// Stream is the stream interceptor.
func (g *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	claims, err := g.authenticate(ss.Context())
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancelCause(context.WithValue(ss.Context(), ctxKey{}, claims))
	defer cancel(nil)
	ctx, cancelExp := context.WithDeadlineCause(ctx, claims.ExpiresAt.Time, ErrTokenExpired)
	defer cancelExp()
	ctx, cancelLife := context.WithTimeoutCause(ctx, g.maxLifetime, ErrMaxLifetime)
	defer cancelLife()
	unwatch := g.watch([]string{"jti:" + claims.ID, "sub:" + claims.Subject}, &watcher{cancel: cancel})
	defer unwatch()

	err = handler(srv, &guardedStream{ServerStream: ss, ctx: ctx})
	if cause := context.Cause(ctx); cause != nil && ss.Context().Err() == nil {
		return toStatus(cause)
	}
	return err
}

// Unary authenticates unary calls.
func (g *Guard) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	claims, err := g.authenticate(ctx)
	if err != nil {
		return nil, err
	}
	return handler(context.WithValue(ctx, ctxKey{}, claims), req)
}

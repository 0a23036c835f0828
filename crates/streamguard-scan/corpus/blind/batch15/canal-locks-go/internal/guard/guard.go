// Package guard authenticates lock keepers and bounds every stream: it ends the stream
// when the token expires, when it is revoked (pushed over NATS), and at the maximum
// stream lifetime; it authorizes and rate-limits every received message.
package guard

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-redis/redis_rate/v10"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	errTokenExpired = errors.New("token_expired")
	errTokenRevoked = errors.New("token_revoked")
	errLifetime     = errors.New("max_stream_lifetime")
)

type Keeper struct {
	Subject string   `json:"sub"`
	JTI     string   `json:"jti"`
	Locks   []string `json:"locks"`
	Scope   string   `json:"scope"`
	Expiry  time.Time
}

func (k *Keeper) HasLock(id string) bool {
	for _, l := range k.Locks {
		if l == id {
			return true
		}
	}
	return false
}

func (k *Keeper) HasScope(s string) bool {
	for _, f := range strings.Fields(k.Scope) {
		if f == s {
			return true
		}
	}
	return false
}

// Authorizer checks one received message against the keeper's claims.
type Authorizer func(k *Keeper, msg any) error

type Guard struct {
	Verifier    *oidc.IDTokenVerifier
	Revocations *Revocations
	Limiter     *redis_rate.Limiter
	PerMinute   int
	MaxLifetime time.Duration
	Authorizers map[string]Authorizer // by full method name
}

type keeperKey struct{}

func KeeperFrom(ctx context.Context) *Keeper {
	k, _ := ctx.Value(keeperKey{}).(*Keeper)
	return k
}

func (g *Guard) authenticate(ctx context.Context) (*Keeper, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) == 0 || !strings.HasPrefix(h[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	tok, err := g.Verifier.Verify(ctx, strings.TrimPrefix(h[0], "Bearer "))
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	k := &Keeper{Expiry: tok.Expiry}
	if err := tok.Claims(k); err != nil {
		return nil, status.Error(codes.Unauthenticated, "bad claims")
	}
	if g.Revocations.IsRevoked(k.JTI, k.Subject) {
		return nil, status.Error(codes.PermissionDenied, "token_revoked")
	}
	return k, nil
}

func statusFor(cause error) error {
	switch {
	case errors.Is(cause, errTokenExpired):
		return status.Error(codes.Unauthenticated, "token_expired")
	case errors.Is(cause, errTokenRevoked):
		return status.Error(codes.PermissionDenied, "token_revoked")
	case errors.Is(cause, errLifetime):
		return status.Error(codes.Unavailable, "max_stream_lifetime")
	}
	return status.FromContextError(cause).Err()
}

func (g *Guard) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	k, err := g.authenticate(ss.Context())
	if err != nil {
		return err
	}
	ctx, cancelExp := context.WithDeadlineCause(ss.Context(), k.Expiry, errTokenExpired)
	defer cancelExp()
	ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
	defer cancelLife()
	ctx, cancelRev := context.WithCancelCause(ctx)
	defer cancelRev(nil)
	unwatch := g.Revocations.Watch(k.JTI, k.Subject, func() { cancelRev(errTokenRevoked) })
	defer unwatch()

	ws := &guardedStream{
		ServerStream: ss,
		ctx:          context.WithValue(ctx, keeperKey{}, k),
		keeper:       k,
		authz:        g.Authorizers[info.FullMethod],
		g:            g,
	}
	herr := handler(srv, ws)
	if cause := context.Cause(ctx); cause != nil && ss.Context().Err() == nil {
		return statusFor(cause)
	}
	return herr
}

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	keeper *Keeper
	authz  Authorizer
	g      *Guard
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return statusFor(context.Cause(s.ctx))
	}
	return s.ServerStream.SendMsg(m)
}

func (s *guardedStream) RecvMsg(m any) error {
	if s.ctx.Err() != nil {
		return statusFor(context.Cause(s.ctx))
	}
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	res, err := s.g.Limiter.Allow(s.ctx, "keeper:"+s.keeper.Subject, redis_rate.PerMinute(s.g.PerMinute))
	if err != nil {
		return status.Error(codes.Unavailable, "rate limiter unavailable")
	}
	if res.Allowed == 0 {
		return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
	}
	if s.authz != nil {
		if err := s.authz(s.keeper, m); err != nil {
			return err
		}
	}
	return nil
}

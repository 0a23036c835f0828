package guard

import (
	"context"
	"crypto/ed25519"
	"errors"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"spectrumwatch.io/monitor/internal/ratelimit"
)

var (
	errTokenExpired = status.Error(codes.Unauthenticated, "token_expired")
	errTokenRevoked = status.Error(codes.PermissionDenied, "token_revoked")
	errLifetime     = status.Error(codes.Unavailable, "max_stream_lifetime")
)

// Authorizer decides whether one decoded request message may be acted on.
type Authorizer func(c *Claims, msg any) error

type Guard struct {
	Key         ed25519.PublicKey
	Issuer      string
	Audience    string
	MaxLifetime time.Duration
	Revocations *Revocations
	Limiter     *ratelimit.PerSubject
	Authorizers map[string]Authorizer // full method -> per-message check
}

func (g *Guard) verify(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	auth := md.Get("authorization")
	if len(auth) == 0 || !strings.HasPrefix(auth[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(auth[0], "Bearer "), c, func(*jwt.Token) (any, error) { return g.Key, nil },
		jwt.WithValidMethods([]string{"EdDSA"}), jwt.WithIssuer(g.Issuer), jwt.WithAudience(g.Audience),
		jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second))
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	if g.Revocations.IsRevoked(c.ID, c.Subject) {
		return nil, errTokenRevoked
	}
	return c, nil
}

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	claims *Claims
	authz  Authorizer
	limit  *ratelimit.PerSubject
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if err := s.ctx.Err(); err != nil {
		return context.Cause(s.ctx)
	}
	if err := s.limit.Allow(s.ctx, s.claims.Subject); err != nil {
		return err
	}
	if s.authz != nil {
		return s.authz(s.claims, m)
	}
	return nil
}

func (s *guardedStream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return context.Cause(s.ctx)
	}
	return s.ServerStream.SendMsg(m)
}

func (g *Guard) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
		c, err := g.verify(ss.Context())
		if err != nil {
			return err
		}
		ctx := context.WithValue(ss.Context(), ctxKey{}, c)
		ctx, cancelExp := context.WithDeadlineCause(ctx, c.ExpiresAt.Time.Add(500*time.Millisecond), errTokenExpired)
		defer cancelExp()
		ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
		defer cancelLife()
		ctx, cancel := context.WithCancelCause(ctx)
		defer cancel(nil)
		revoked, release := g.Revocations.Watch(c.ID, c.Subject)
		defer release()
		go func() {
			select {
			case <-revoked:
				cancel(errTokenRevoked)
			case <-ctx.Done():
			}
		}()
		err = h(srv, &guardedStream{ServerStream: ss, ctx: ctx, claims: c, authz: g.Authorizers[info.FullMethod], limit: g.Limiter})
		if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
			return cause
		}
		return err
	}
}

func (g *Guard) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		c, err := g.verify(ctx)
		if err != nil {
			return nil, err
		}
		return h(context.WithValue(ctx, ctxKey{}, c), req)
	}
}

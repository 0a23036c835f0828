// Package guard authenticates workstation streams and keeps them authorized
// for as long as they are open.
package guard

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"gitlab.nordrail.example/signalling/railsignal/internal/ratelimit"
)

var (
	errExpired  = status.Error(codes.Unauthenticated, "token_expired")
	errRevoked  = status.Error(codes.PermissionDenied, "token_revoked")
	errLifetime = status.Error(codes.Unavailable, "max_stream_lifetime")
)

// Claims of a dispatcher / workstation token.
type Claims struct {
	jwt.RegisteredClaims
	Sections []string `json:"sections"`
	Role     string   `json:"role"`
}

func (c *Claims) Covers(section string) bool {
	for _, s := range c.Sections {
		if s == section {
			return true
		}
	}
	return false
}

// Authorizer decides whether one received message may be acted on.
type Authorizer func(c *Claims, msg any) error

type Guard struct {
	Key         *ecdsa.PublicKey
	Issuer      string
	Audience    string
	MaxLifetime time.Duration
	Revocations *Revocations
	Limiter     *ratelimit.Subjects
	// Authorizers per full method name; methods without one get no per-message check
	// (server-streaming methods whose only request is checked by the handler).
	Authorizers map[string]Authorizer
}

type claimsKey struct{}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

func (g *Guard) parse(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	auth := md.Get("authorization")
	if len(auth) != 1 || !strings.HasPrefix(auth[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(auth[0], "Bearer "), c,
		func(*jwt.Token) (any, error) { return g.Key, nil },
		jwt.WithValidMethods([]string{"ES256"}),
		jwt.WithIssuer(g.Issuer), jwt.WithAudience(g.Audience),
		jwt.WithExpirationRequired(), jwt.WithLeeway(time.Second))
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return c, nil
}

type guardedStream struct {
	grpc.ServerStream
	ctx    context.Context
	claims *Claims
	authz  Authorizer
	g      *Guard
}

func (s *guardedStream) Context() context.Context { return s.ctx }

func (s *guardedStream) cause() error {
	if c := context.Cause(s.ctx); c != nil && !errors.Is(c, context.Canceled) {
		return c
	}
	return s.ctx.Err()
}

func (s *guardedStream) SendMsg(m any) error {
	if s.ctx.Err() != nil {
		return s.cause()
	}
	return s.ServerStream.SendMsg(m)
}

func (s *guardedStream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if s.ctx.Err() != nil {
		return s.cause()
	}
	if !s.g.Limiter.Allow(s.claims.Subject) {
		return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
	}
	if s.authz != nil {
		if err := s.authz(s.claims, m); err != nil {
			return err
		}
	}
	return nil
}

// Stream is the stream interceptor. The handler's context ends at token
// expiry, on revocation and after MaxLifetime, whichever comes first; the
// handler sees the reason through SendMsg/RecvMsg errors.
func (g *Guard) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		claims, err := g.parse(ss.Context())
		if err != nil {
			return err
		}
		revoked, stopWatch, already := g.Revocations.Watch(claims.ID, claims.Subject)
		if already {
			return errRevoked
		}
		defer stopWatch()

		ctx, cancelExp := context.WithDeadlineCause(ss.Context(), claims.ExpiresAt.Time, errExpired)
		defer cancelExp()
		ctx, cancelLife := context.WithTimeoutCause(ctx, g.MaxLifetime, errLifetime)
		defer cancelLife()
		ctx, cancelRev := context.WithCancelCause(context.WithValue(ctx, claimsKey{}, claims))
		defer cancelRev(nil)
		go func() {
			select {
			case <-revoked:
				cancelRev(errRevoked)
			case <-ctx.Done():
			}
		}()

		gs := &guardedStream{ServerStream: ss, ctx: ctx, claims: claims, authz: g.Authorizers[info.FullMethod], g: g}
		err = handler(srv, gs)
		if ctx.Err() != nil {
			return gs.cause()
		}
		return err
	}
}

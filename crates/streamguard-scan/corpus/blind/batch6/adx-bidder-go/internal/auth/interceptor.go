// Package auth verifies DSP partner tokens (JWTs issued by the partner portal).
package auth

import (
	"context"
	"crypto/ed25519"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Claims of a partner token.
type Claims struct {
	jwt.RegisteredClaims
	Seats []string `json:"seats"`
	Admin bool     `json:"adm,omitempty"`
}

// HasSeat reports whether the token may bid for seat.
func (c *Claims) HasSeat(seat string) bool {
	for _, s := range c.Seats {
		if s == seat {
			return true
		}
	}
	return false
}

type ctxKey struct{}

// ClaimsFrom returns the verified claims stored by the interceptors.
func ClaimsFrom(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

// Verifier checks EdDSA partner tokens.
type Verifier struct {
	Key      ed25519.PublicKey
	Issuer   string
	Audience string
}

func (v *Verifier) verify(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), claims,
		func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"EdDSA"}),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(time.Second),
	)
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return claims, nil
}

type authedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *authedStream) Context() context.Context { return s.ctx }

// StreamInterceptor verifies the token when a stream opens and exposes the
// claims to the handler through the stream context.
func (v *Verifier) StreamInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		claims, err := v.verify(ss.Context())
		if err != nil {
			return err
		}
		return handler(srv, &authedStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, claims)})
	}
}

// UnaryInterceptor is the unary counterpart.
func (v *Verifier) UnaryInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		claims, err := v.verify(ctx)
		if err != nil {
			return nil, err
		}
		return handler(context.WithValue(ctx, ctxKey{}, claims), req)
	}
}

// WithClaimsForTest stores claims as the interceptor would; tests only.
func WithClaimsForTest(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, ctxKey{}, c)
}

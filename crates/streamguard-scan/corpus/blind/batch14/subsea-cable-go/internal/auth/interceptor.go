// Package auth verifies NOC operators' JWTs on every incoming stream.
package auth

import (
	"context"
	"crypto/ecdsa"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	Segments []string `json:"segments"`
	Role     string   `json:"role"`
	jwt.RegisteredClaims
}

func (c *Claims) CanSee(segment string) bool {
	for _, s := range c.Segments {
		if s == segment || s == "*" {
			return true
		}
	}
	return false
}

type ctxKey struct{}

func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

type Verifier struct {
	Key      *ecdsa.PublicKey
	Issuer   string
	Audience string
	// Methods authenticated some other way (station tokens in the messages).
	Skip map[string]bool
}

func (v *Verifier) parse(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), claims,
		func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"ES256"}),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(),
	)
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return claims, nil
}

type wrapped struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrapped) Context() context.Context { return w.ctx }

func (v *Verifier) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		if v.Skip[info.FullMethod] {
			return handler(srv, ss)
		}
		claims, err := v.parse(ss.Context())
		if err != nil {
			return err
		}
		return handler(srv, &wrapped{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, claims)})
	}
}

func (v *Verifier) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		claims, err := v.parse(ctx)
		if err != nil {
			return nil, err
		}
		return handler(context.WithValue(ctx, ctxKey{}, claims), req)
	}
}

// Package auth verifies driver and dispatcher JWTs in a stream interceptor.
package auth

import (
	"context"
	"crypto/ed25519"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	jwt.RegisteredClaims
	DriverID string   `json:"driver_id,omitempty"`
	Zones    []string `json:"zones,omitempty"`
	Role     string   `json:"role"`
}

type ctxKey struct{}

func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

type Verifier struct {
	Key      ed25519.PublicKey
	Issuer   string
	Audience string
}

func (v *Verifier) verify(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"EdDSA"}),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(),
	)
	return c, err
}

type wrapped struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrapped) Context() context.Context { return w.ctx }

// StreamInterceptor authenticates every stream at open.
func (v *Verifier) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return status.Error(codes.Unauthenticated, "missing bearer token")
	}
	c, err := v.verify(strings.TrimPrefix(vals[0], "Bearer "))
	if err != nil {
		return status.Error(codes.Unauthenticated, "invalid token")
	}
	return handler(srv, &wrapped{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, c)})
}

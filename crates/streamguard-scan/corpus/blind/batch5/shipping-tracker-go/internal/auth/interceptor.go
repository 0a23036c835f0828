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
	Depots []string `json:"depots"`
	Scope  string   `json:"scope"`
}

func (c *Claims) HasDepot(id string) bool {
	for _, d := range c.Depots {
		if d == id || d == "*" {
			return true
		}
	}
	return false
}

type ctxKey struct{}

func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

type Verifier struct {
	Key      ed25519.PublicKey
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
		jwt.WithValidMethods([]string{"EdDSA"}), jwt.WithAudience(v.Audience), jwt.WithExpirationRequired())
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

// Stream verifies the token when the stream opens and hands the claims to the handler.
func (v *Verifier) Stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	claims, err := v.verify(ss.Context())
	if err != nil {
		return err
	}
	return handler(srv, &wrapped{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, claims)})
}

func (v *Verifier) Unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	claims, err := v.verify(ctx)
	if err != nil {
		return nil, err
	}
	return handler(context.WithValue(ctx, ctxKey{}, claims), req)
}

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

type ctxKey struct{}

// Claims are the JWT claims the ledger cares about.
type Claims struct {
	jwt.RegisteredClaims
	Accounts []string `json:"accounts"`
	Scope    string   `json:"scope"`
}

func (c *Claims) CanAccess(account string) bool {
	for _, a := range c.Accounts {
		if a == account {
			return true
		}
	}
	return false
}

func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

type Verifier struct {
	Key      ed25519.PublicKey
	Audience string
}

func (v *Verifier) verify(ctx context.Context) (*Claims, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "no metadata")
	}
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(vals[0], "Bearer "), claims, func(t *jwt.Token) (any, error) {
		return v.Key, nil
	}, jwt.WithValidMethods([]string{"EdDSA"}), jwt.WithAudience(v.Audience), jwt.WithExpirationRequired())
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	return claims, nil
}

func (v *Verifier) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		c, err := v.verify(ctx)
		if err != nil {
			return nil, err
		}
		return handler(context.WithValue(ctx, ctxKey{}, c), req)
	}
}

type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrappedStream) Context() context.Context { return w.ctx }

func (v *Verifier) Stream() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		c, err := v.verify(ss.Context())
		if err != nil {
			return err
		}
		return handler(srv, &wrappedStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, c)})
	}
}

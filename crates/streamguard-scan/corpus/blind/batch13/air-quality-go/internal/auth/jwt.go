// Package auth verifies the city identity provider's JWTs for aqd.
package auth

import (
	"context"
	"crypto"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	jwt.RegisteredClaims
	Scope     string   `json:"scope"`
	Districts []string `json:"districts"`
	Sensor    string   `json:"sensor,omitempty"`
	Sensors   []string `json:"sensors,omitempty"`
}

func (c *Claims) HasScope(s string) bool {
	for _, v := range strings.Fields(c.Scope) {
		if v == s {
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
	Key      crypto.PublicKey
	Issuer   string
	Audience string
}

func (v *Verifier) verify(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return v.Key, nil },
		jwt.WithValidMethods([]string{"ES256"}),
		jwt.WithIssuer(v.Issuer),
		jwt.WithAudience(v.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(time.Second),
	)
	return c, err
}

type wrapped struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrapped) Context() context.Context { return w.ctx }

// StreamInterceptor verifies the bearer token once, when the stream opens,
// and puts the claims in the stream's context.
func (v *Verifier) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	vals := md.Get("authorization")
	if len(vals) == 0 || !strings.HasPrefix(vals[0], "Bearer ") {
		return status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims, err := v.verify(strings.TrimPrefix(vals[0], "Bearer "))
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	return handler(srv, &wrapped{ServerStream: ss, ctx: context.WithValue(ss.Context(), ctxKey{}, claims)})
}

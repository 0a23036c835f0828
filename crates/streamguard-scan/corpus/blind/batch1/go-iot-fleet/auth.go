package main

import (
	"context"
	"crypto/ed25519"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type deviceClaims struct {
	jwt.RegisteredClaims
	Fleet string `json:"fleet"`
}

func (c *deviceClaims) DeviceID() string { return c.Subject }

func (c *deviceClaims) Expiry() time.Time {
	if c.ExpiresAt == nil {
		return time.Time{}
	}
	return c.ExpiresAt.Time
}

type claimsKey struct{}

func claimsFrom(ctx context.Context) *deviceClaims {
	c, _ := ctx.Value(claimsKey{}).(*deviceClaims)
	return c
}

type authedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (a authedStream) Context() context.Context { return a.ctx }

// deviceAuth verifies the device token presented when a stream is opened.
func deviceAuth(pub ed25519.PublicKey) grpc.StreamServerInterceptor {
	return func(srv interface{}, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		auth := md.Get("authorization")
		if len(auth) != 1 {
			return status.Error(codes.Unauthenticated, "device token required")
		}
		var c deviceClaims
		_, err := jwt.ParseWithClaims(strings.TrimPrefix(auth[0], "Bearer "), &c,
			func(*jwt.Token) (interface{}, error) { return pub, nil },
			jwt.WithValidMethods([]string{"EdDSA"}),
			jwt.WithAudience("fleetd"),
			jwt.WithExpirationRequired(),
		)
		if err != nil {
			return status.Error(codes.Unauthenticated, "invalid device token")
		}
		return handler(srv, authedStream{ServerStream: ss, ctx: context.WithValue(ss.Context(), claimsKey{}, &c)})
	}
}

// revocationSet is refreshed from the fleet registry.
type revocationSet struct {
	mu  sync.RWMutex
	ids map[string]struct{}
}

func (r *revocationSet) Has(jti string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	_, ok := r.ids[jti]
	return ok
}

func (r *revocationSet) Replace(ids []string) {
	next := make(map[string]struct{}, len(ids))
	for _, id := range ids {
		next[id] = struct{}{}
	}
	r.mu.Lock()
	r.ids = next
	r.mu.Unlock()
}

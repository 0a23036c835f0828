// Package rigauth authenticates operations-centre users and rig systems on rigd.
package rigauth

import (
	"context"
	"crypto/ecdsa"
	"log/slog"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type Claims struct {
	jwt.RegisteredClaims
	Wells []string `json:"wells"`
	Role  string   `json:"role"` // "viewer" | "driller" | "edge"
}

func (c *Claims) HasWell(w string) bool {
	for _, x := range c.Wells {
		if x == w {
			return true
		}
	}
	return false
}

type claimsKey struct{}

func FromContext(ctx context.Context) *Claims { c, _ := ctx.Value(claimsKey{}).(*Claims); return c }

type MessageCheck func(*Claims, any) error

// Guard verifies the token when a stream opens, ends the stream at the token's expiry and checks
// the revocation list (kept in Redis by the IdP hook) once a minute.
type Guard struct {
	Key         *ecdsa.PublicKey
	Audience    string
	Redis       *redis.Client
	RecheckEach time.Duration
	Checks      map[string]MessageCheck
	Log         *slog.Logger
}

func (g *Guard) parse(ctx context.Context) (*Claims, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	v := md.Get("authorization")
	if len(v) == 0 {
		return nil, status.Error(codes.Unauthenticated, "missing token")
	}
	c := &Claims{}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(v[0], "Bearer "), c, func(*jwt.Token) (any, error) { return g.Key, nil },
		jwt.WithValidMethods([]string{"ES256"}), jwt.WithAudience(g.Audience), jwt.WithExpirationRequired())
	if err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	return c, nil
}

func (g *Guard) revoked(ctx context.Context, c *Claims) bool {
	n, err := g.Redis.Exists(ctx, "revoked:jti:"+c.ID, "revoked:sub:"+c.Subject).Result()
	if err != nil {
		g.Log.Warn("revocation lookup failed", "err", err)
		return false
	}
	return n > 0
}

func (g *Guard) StreamInterceptor(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	claims, err := g.parse(ss.Context())
	if err != nil {
		return err
	}
	if g.revoked(ss.Context(), claims) {
		return status.Error(codes.PermissionDenied, "token_revoked")
	}
	ctx, cancel := context.WithDeadline(ss.Context(), claims.ExpiresAt.Time)
	defer cancel()
	ctx, cancelRevoked := context.WithCancelCause(ctx)
	defer cancelRevoked(nil)

	go func() {
		t := time.NewTicker(g.RecheckEach)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if g.revoked(ctx, claims) {
					cancelRevoked(status.Error(codes.PermissionDenied, "token_revoked"))
					return
				}
			}
		}
	}()

	err = handler(srv, &stream{ServerStream: ss, ctx: context.WithValue(ctx, claimsKey{}, claims), claims: claims,
		check: g.Checks[info.FullMethod]})
	if cause := context.Cause(ctx); cause != nil {
		if _, ok := status.FromError(cause); ok && status.Code(cause) != codes.Unknown {
			return cause
		}
		if ctx.Err() == context.DeadlineExceeded && time.Now().After(claims.ExpiresAt.Time) {
			return status.Error(codes.Unauthenticated, "token_expired")
		}
	}
	return err
}

type stream struct {
	grpc.ServerStream
	ctx    context.Context
	claims *Claims
	check  MessageCheck
}

func (s *stream) Context() context.Context { return s.ctx }

func (s *stream) RecvMsg(m any) error {
	if err := s.ServerStream.RecvMsg(m); err != nil {
		return err
	}
	if s.check != nil {
		return s.check(s.claims, m)
	}
	return nil
}

// Package session authenticates duty officers and keeps their streams honest:
// the stream context ends at token expiry, and a revocation check runs every
// minute against the Redis revocation set.
package session

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

const RevocationPoll = 60 * time.Second

type Officer struct {
	jwt.RegisteredClaims
	Districts []string `json:"districts"`
	Towers    []string `json:"towers"`
}

type key struct{}

func OfficerFrom(ctx context.Context) *Officer { o, _ := ctx.Value(key{}).(*Officer); return o }

type Manager struct {
	Secret []byte
	Redis  *redis.Client
}

type stream struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *stream) Context() context.Context { return s.ctx }

var (
	errExpired = status.Error(codes.Unauthenticated, "token_expired")
	errRevoked = status.Error(codes.PermissionDenied, "token_revoked")
)

func (m *Manager) Interceptor(srv any, ss grpc.ServerStream, _ *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	md, _ := metadata.FromIncomingContext(ss.Context())
	var raw string
	if v := md.Get("authorization"); len(v) > 0 {
		raw = strings.TrimPrefix(v[0], "Bearer ")
	}
	o := &Officer{}
	if _, err := jwt.ParseWithClaims(raw, o, func(*jwt.Token) (any, error) { return m.Secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("lookout"), jwt.WithExpirationRequired()); err != nil {
		return status.Error(codes.Unauthenticated, "invalid token")
	}
	ctx, cancel := context.WithDeadlineCause(ss.Context(), o.ExpiresAt.Time, errExpired)
	defer cancel()
	ctx, revoke := context.WithCancelCause(ctx)
	defer revoke(nil)

	go func() {
		t := time.NewTicker(RevocationPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				n, err := m.Redis.SIsMember(ctx, "lookout:revoked", o.ID).Result()
				if err == nil && n {
					revoke(errRevoked)
					return
				}
			}
		}
	}()

	err := h(srv, &stream{ServerStream: ss, ctx: context.WithValue(ctx, key{}, o)})
	if c := context.Cause(ctx); c != nil && !errors.Is(c, context.Canceled) {
		return c
	}
	return err
}

func (o *Officer) HasDistrict(d string) bool { return in(o.Districts, d) }
func (o *Officer) HasTower(t string) bool    { return in(o.Towers, t) }

func in(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

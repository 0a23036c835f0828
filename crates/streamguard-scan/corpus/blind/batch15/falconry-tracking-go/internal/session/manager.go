// Package session opens a falconer session for each stream: it verifies the bearer
// token, bounds the stream's lifetime and re-checks the revocation list periodically.
package session

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var ErrRevoked = errors.New("token_revoked")

type Claims struct {
	jwt.RegisteredClaims
	Birds []string `json:"birds"`
}

func (c *Claims) Owns(bird string) bool {
	for _, b := range c.Birds {
		if b == bird {
			return true
		}
	}
	return false
}

type Manager struct {
	Secret        []byte
	Redis         *redis.Client
	MaxLifetime   time.Duration
	RecheckPeriod time.Duration
}

type Session struct {
	Claims *Claims
	Ctx    context.Context
	cancel context.CancelCauseFunc
	stop   context.CancelFunc
}

func (s *Session) Close() {
	s.stop()
	s.cancel(nil)
}

func (m *Manager) Open(ctx context.Context) (*Session, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) == 0 || !strings.HasPrefix(h[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	claims := &Claims{}
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(h[0], "Bearer "), claims,
		func(*jwt.Token) (any, error) { return m.Secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithAudience("mewsd"),
	); err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	if m.revoked(ctx, claims) {
		return nil, status.Error(codes.PermissionDenied, "token_revoked")
	}
	lctx, stop := context.WithTimeout(ctx, m.MaxLifetime)
	sctx, cancel := context.WithCancelCause(lctx)
	s := &Session{Claims: claims, Ctx: sctx, cancel: cancel, stop: stop}
	go m.recheck(s)
	return s, nil
}

func (m *Manager) revoked(ctx context.Context, c *Claims) bool {
	n, err := m.Redis.Exists(ctx, "revoked:jti:"+c.ID, "revoked:sub:"+c.Subject).Result()
	return err == nil && n > 0
}

// recheck polls the revocation keys; a revoked session is cancelled at the next tick.
func (m *Manager) recheck(s *Session) {
	t := time.NewTicker(m.RecheckPeriod)
	defer t.Stop()
	for {
		select {
		case <-s.Ctx.Done():
			return
		case <-t.C:
			if m.revoked(s.Ctx, s.Claims) {
				s.cancel(ErrRevoked)
				return
			}
		}
	}
}

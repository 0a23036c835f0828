// Package session opens an authenticated session for each stream: the context ends at the token's
// exp, and a background check looks the token up in the revocation list once a minute.
package session

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	ErrExpired = errors.New("token_expired")
	ErrRevoked = errors.New("token_revoked")
)

type Session struct {
	Subject string
	JTI     string
	Berths  []string
	Role    string
	Ctx     context.Context
	cancel  context.CancelCauseFunc
	stopExp context.CancelFunc
}

func (s *Session) Close() { s.stopExp(); s.cancel(nil) }

func (s *Session) HasBerth(b string) bool {
	for _, x := range s.Berths {
		if x == b {
			return true
		}
	}
	return false
}

// Err converts the session's end into a gRPC status.
func (s *Session) Err() error {
	switch context.Cause(s.Ctx) {
	case ErrExpired:
		return status.Error(codes.Unauthenticated, "token_expired")
	case ErrRevoked:
		return status.Error(codes.PermissionDenied, "token_revoked")
	}
	return status.FromContextError(s.Ctx.Err()).Err()
}

type Manager struct {
	Secret      []byte
	Issuer      string
	Redis       *redis.Client
	RecheckEvery time.Duration
}

type claims struct {
	jwt.RegisteredClaims
	Berths []string `json:"berths"`
	Role   string   `json:"role"`
}

func (m *Manager) Open(ctx context.Context) (*Session, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	raw := strings.TrimPrefix(strings.Join(md.Get("authorization"), ""), "Bearer ")
	var c claims
	if _, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return m.Secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(m.Issuer), jwt.WithExpirationRequired()); err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid token")
	}
	if m.revoked(ctx, c.ID, c.Subject) {
		return nil, status.Error(codes.PermissionDenied, "token_revoked")
	}
	expCtx, stopExp := context.WithDeadlineCause(ctx, c.ExpiresAt.Time, ErrExpired)
	sctx, cancel := context.WithCancelCause(expCtx)
	s := &Session{Subject: c.Subject, JTI: c.ID, Berths: c.Berths, Role: c.Role, Ctx: sctx, cancel: cancel, stopExp: stopExp}
	go m.recheck(s)
	return s, nil
}

func (m *Manager) revoked(ctx context.Context, jti, sub string) bool {
	n, err := m.Redis.Exists(ctx, "revoked:jti:"+jti, "revoked:sub:"+sub).Result()
	if err != nil {
		slog.Warn("revocation lookup failed", "err", err)
		return false
	}
	return n > 0
}

func (m *Manager) recheck(s *Session) {
	t := time.NewTicker(m.RecheckEvery)
	defer t.Stop()
	for {
		select {
		case <-s.Ctx.Done():
			return
		case <-t.C:
			if m.revoked(s.Ctx, s.JTI, s.Subject) {
				s.cancel(ErrRevoked)
				return
			}
		}
	}
}

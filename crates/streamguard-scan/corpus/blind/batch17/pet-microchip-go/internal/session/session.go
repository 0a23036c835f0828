package session

import (
	"context"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Manager opens a session per streaming call. There is no interceptor: each handler calls Open.
type Manager struct {
	Key   []byte
	Redis *redis.Client
	// RecheckEvery is how often an open session asks Redis whether its token was revoked.
	RecheckEvery time.Duration
}

type Session struct {
	Sub, JTI string
	Clinic   string
	Roles    []string
	Ctx      context.Context
	cancel   context.CancelCauseFunc
}

func (s *Session) Close() { s.cancel(nil) }

func (s *Session) Has(role string) bool {
	for _, r := range s.Roles {
		if r == role {
			return true
		}
	}
	return false
}

func (m *Manager) Open(ctx context.Context) (*Session, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	raw := strings.TrimPrefix(strings.Join(md.Get("authorization"), ""), "Bearer ")
	var cl struct {
		Clinic string   `json:"clinic"`
		Roles  []string `json:"roles"`
		jwt.RegisteredClaims
	}
	if _, err := jwt.ParseWithClaims(raw, &cl, func(*jwt.Token) (any, error) { return m.Key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()); err != nil {
		return nil, status.Error(codes.Unauthenticated, "invalid_token")
	}
	sctx, cancel := context.WithCancelCause(ctx)
	s := &Session{Sub: cl.Subject, JTI: cl.ID, Clinic: cl.Clinic, Roles: cl.Roles, Ctx: sctx, cancel: cancel}
	go m.watch(s)
	return s, nil
}

func (m *Manager) watch(s *Session) {
	t := time.NewTicker(m.RecheckEvery)
	defer t.Stop()
	for {
		select {
		case <-s.Ctx.Done():
			return
		case <-t.C:
			n, _ := m.Redis.Exists(s.Ctx, "revoked:jti:"+s.JTI, "revoked:sub:"+s.Sub).Result()
			if n > 0 {
				s.cancel(status.Error(codes.PermissionDenied, "token_revoked"))
				return
			}
		}
	}
}

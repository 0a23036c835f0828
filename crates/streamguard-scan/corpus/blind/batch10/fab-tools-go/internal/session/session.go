// Package session gives every streaming call an authenticated session whose context ends at the
// token's expiry, on a pushed revocation, or after the maximum stream lifetime.
package session

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

var (
	errExpired  = status.Error(codes.Unauthenticated, "token_expired")
	errRevoked  = status.Error(codes.PermissionDenied, "token_revoked")
	errLifetime = status.Error(codes.Unavailable, "max_stream_lifetime")
)

type Manager struct {
	Verifier    *oidc.IDTokenVerifier
	Feed        *Feed
	MaxLifetime time.Duration
}

type Session struct {
	Sub   string
	Tools map[string]bool // tools the engineer is qualified on
	Roles map[string]bool
	Ctx   context.Context
	stop  context.CancelFunc
}

func (s *Session) Close() { s.stop() }

// Err maps the end of the session to the status the stream should end with.
func (s *Session) Err(fallback error) error {
	if c := context.Cause(s.Ctx); c != nil && (errors.Is(c, errExpired) || errors.Is(c, errRevoked) || errors.Is(c, errLifetime)) {
		return c
	}
	return fallback
}

func (s *Session) MayUseTool(tool string) bool { return s.Tools[tool] || s.Roles["fab-admin"] }

func (m *Manager) Open(ctx context.Context) (*Session, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	h := md.Get("authorization")
	if len(h) != 1 || !strings.HasPrefix(h[0], "Bearer ") {
		return nil, status.Error(codes.Unauthenticated, "missing bearer token")
	}
	tok, err := m.Verifier.Verify(ctx, strings.TrimPrefix(h[0], "Bearer "))
	if err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	var cl struct {
		JTI   string   `json:"jti"`
		Tools []string `json:"tools"`
		Roles []string `json:"roles"`
	}
	if err := tok.Claims(&cl); err != nil {
		return nil, status.Error(codes.Unauthenticated, "bad claims")
	}
	revoked := m.Feed.Wait("jti:"+cl.JTI, "sub:"+tok.Subject)
	select {
	case <-revoked:
		return nil, errRevoked
	default:
	}

	lifeCtx, cancelLife := context.WithTimeoutCause(ctx, m.MaxLifetime, errLifetime)
	expCtx, cancelExp := context.WithDeadlineCause(lifeCtx, tok.Expiry, errExpired)
	sctx, cancel := context.WithCancelCause(expCtx)
	go func() {
		select {
		case <-revoked:
			cancel(errRevoked)
		case <-sctx.Done():
		}
	}()
	s := &Session{Sub: tok.Subject, Tools: set(cl.Tools), Roles: set(cl.Roles), Ctx: sctx}
	s.stop = func() {
		cancel(context.Canceled)
		cancelExp()
		cancelLife()
	}
	return s, nil
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

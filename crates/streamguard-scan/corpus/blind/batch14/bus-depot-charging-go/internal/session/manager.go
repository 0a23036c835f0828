// Package session opens a dispatcher session for a stream: the JWT is
// verified, the stream context gets a deadline at the token's exp, and the
// revocation list in Redis is re-read every minute.
package session

import (
	"context"
	"crypto/rsa"
	"errors"
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

type Dispatcher struct {
	Subject string
	TokenID string
	Depots  []string
	Expiry  time.Time
}

func (d *Dispatcher) ManagesDepot(id string) bool {
	for _, dep := range d.Depots {
		if dep == id {
			return true
		}
	}
	return false
}

type claims struct {
	Depots []string `json:"depots"`
	jwt.RegisteredClaims
}

type Manager struct {
	Key          *rsa.PublicKey
	Issuer       string
	Redis        *redis.Client
	RecheckEvery time.Duration // 60 s in production
}

func (m *Manager) revoked(ctx context.Context, d *Dispatcher) bool {
	n, err := m.Redis.SIsMember(ctx, "depot:revoked:jti", d.TokenID).Result()
	if err == nil && n {
		return true
	}
	n, err = m.Redis.SIsMember(ctx, "depot:revoked:sub", d.Subject).Result()
	return err == nil && n
}

// Open authenticates the stream and returns a context that ends at the
// token's expiry or when the periodic revocation check finds it revoked.
func (m *Manager) Open(ctx context.Context) (context.Context, *Dispatcher, func(), error) {
	md, _ := metadata.FromIncomingContext(ctx)
	raw := md.Get("authorization")
	if len(raw) == 0 || !strings.HasPrefix(raw[0], "Bearer ") {
		return nil, nil, nil, status.Error(codes.Unauthenticated, "missing token")
	}
	var c claims
	if _, err := jwt.ParseWithClaims(strings.TrimPrefix(raw[0], "Bearer "), &c,
		func(*jwt.Token) (any, error) { return m.Key, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(m.Issuer), jwt.WithExpirationRequired(),
		jwt.WithLeeway(time.Second)); err != nil {
		return nil, nil, nil, status.Errorf(codes.Unauthenticated, "invalid token: %v", err)
	}
	d := &Dispatcher{Subject: c.Subject, TokenID: c.ID, Depots: c.Depots, Expiry: c.ExpiresAt.Time}
	if m.revoked(ctx, d) {
		return nil, nil, nil, status.Error(codes.PermissionDenied, "token_revoked")
	}

	sctx, cancelExp := context.WithDeadlineCause(ctx, d.Expiry, ErrExpired)
	sctx, cancelRev := context.WithCancelCause(sctx)
	go func() {
		t := time.NewTicker(m.RecheckEvery)
		defer t.Stop()
		for {
			select {
			case <-sctx.Done():
				return
			case <-t.C:
				if m.revoked(sctx, d) {
					cancelRev(ErrRevoked)
					return
				}
			}
		}
	}()
	return sctx, d, func() { cancelRev(nil); cancelExp() }, nil
}

// Status turns the cause of an ended session into the status to return.
func Status(ctx context.Context, err error) error {
	switch context.Cause(ctx) {
	case ErrExpired:
		return status.Error(codes.Unauthenticated, "token_expired")
	case ErrRevoked:
		return status.Error(codes.PermissionDenied, "token_revoked")
	}
	return err
}

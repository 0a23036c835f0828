// Package session authenticates loom controllers (HMAC tokens) and shed
// supervisors (JWTs from the mill's IdP).
package session

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/metadata"
)

type Manager struct {
	LoomSecret []byte
	JWTKey     any
	Redis      *redis.Client

	mu             sync.RWMutex
	decommissioned map[string]bool
}

// WatchDecommissions keeps the in-memory set of retired looms current;
// maintenance publishes the loom id on "looms:decommissioned".
func (m *Manager) WatchDecommissions(ctx context.Context) {
	m.mu.Lock()
	m.decommissioned = map[string]bool{}
	for _, id := range m.Redis.SMembers(ctx, "looms:decommissioned").Val() {
		m.decommissioned[id] = true
	}
	m.mu.Unlock()
	sub := m.Redis.Subscribe(ctx, "looms:decommissioned")
	for msg := range sub.Channel() {
		m.mu.Lock()
		m.decommissioned[msg.Payload] = true
		m.mu.Unlock()
	}
}

var ErrLoomToken = errors.New("invalid loom token")

// VerifyLoomFrame checks the frame's token: HMAC over loom id and expiry,
// not expired, loom not decommissioned.
func (m *Manager) VerifyLoomFrame(loomID, token string, now time.Time) error {
	body, sig, ok := strings.Cut(token, ".")
	if !ok {
		return ErrLoomToken
	}
	mac := hmac.New(sha256.New, m.LoomSecret)
	mac.Write([]byte(body))
	want := mac.Sum(nil)
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, want) {
		return ErrLoomToken
	}
	raw, _ := base64.RawURLEncoding.DecodeString(body)
	var c struct {
		Loom string `json:"loom"`
		Exp  int64  `json:"exp"`
	}
	if json.Unmarshal(raw, &c) != nil || c.Loom != loomID || now.Unix() >= c.Exp {
		return ErrLoomToken
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.decommissioned[loomID] {
		return ErrLoomToken
	}
	return nil
}

type Supervisor struct {
	Subject string
	JTI     string
	Sheds   []string
	Exp     time.Time
}

func (s *Supervisor) HasShed(id string) bool {
	for _, v := range s.Sheds {
		if v == id {
			return true
		}
	}
	return false
}

func (m *Manager) OpenSupervisor(ctx context.Context) (*Supervisor, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	auth := md.Get("authorization")
	if len(auth) == 0 {
		return nil, errors.New("missing token")
	}
	var c struct {
		jwt.RegisteredClaims
		Sheds []string `json:"sheds"`
	}
	_, err := jwt.ParseWithClaims(strings.TrimPrefix(auth[0], "Bearer "), &c, func(*jwt.Token) (any, error) { return m.JWTKey, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience("loomd"), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return &Supervisor{Subject: c.Subject, JTI: c.ID, Sheds: c.Sheds, Exp: c.ExpiresAt.Time}, nil
}

// StillValid re-checks a supervisor: not expired, not revoked.
func (m *Manager) StillValid(ctx context.Context, s *Supervisor) bool {
	if time.Now().After(s.Exp) {
		return false
	}
	n, err := m.Redis.Exists(ctx, "revoked:jti:"+s.JTI, "revoked:sub:"+s.Subject).Result()
	return err == nil && n == 0
}

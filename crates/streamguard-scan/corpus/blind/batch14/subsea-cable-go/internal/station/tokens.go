// Package station verifies the HMAC tokens carried in every DTS trace and
// keeps the set of decommissioned stations, pushed over Redis pub/sub.
package station

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

var (
	ErrBadToken = errors.New("bad station token")
	ErrExpired  = errors.New("station token expired")
	ErrRevoked  = errors.New("station decommissioned")
)

type Registry struct {
	secret []byte
	mu     sync.RWMutex
	banned map[string]bool
}

func NewRegistry(ctx context.Context, secret []byte, rdb *redis.Client) *Registry {
	r := &Registry{secret: secret, banned: map[string]bool{}}
	sub := rdb.Subscribe(ctx, "cablemon:stations:decommissioned")
	go func() {
		for msg := range sub.Channel() {
			r.mu.Lock()
			r.banned[msg.Payload] = true
			r.mu.Unlock()
		}
	}()
	return r
}

// Verify checks "<station>.<segment>.<exp-unix>.<mac>" and returns the station id.
func (r *Registry) Verify(token, segment string, now time.Time) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 4 {
		return "", ErrBadToken
	}
	mac := hmac.New(sha256.New, r.secret)
	mac.Write([]byte(parts[0] + "." + parts[1] + "." + parts[2]))
	want := base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(parts[3])) || parts[1] != segment {
		return "", ErrBadToken
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || now.Unix() > exp {
		return "", ErrExpired
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.banned[parts[0]] {
		return "", ErrRevoked
	}
	return parts[0], nil
}

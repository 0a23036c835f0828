package authn

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// GateTokens verifies "gateID:expiry:hex(hmac)" and tracks decommissioned gates,
// pushed by the lift operations console over Redis pub/sub.
type GateTokens struct {
	Secret []byte

	mu       sync.RWMutex
	disabled map[string]bool
}

func NewGateTokens(ctx context.Context, secret []byte, rdb *redis.Client) *GateTokens {
	g := &GateTokens{Secret: secret, disabled: map[string]bool{}}
	for _, id := range rdb.SMembers(ctx, "gates:disabled").Val() {
		g.disabled[id] = true
	}
	sub := rdb.Subscribe(ctx, "gates:disabled")
	go func() {
		for m := range sub.Channel() {
			g.mu.Lock()
			g.disabled[m.Payload] = true
			g.mu.Unlock()
		}
	}()
	return g
}

var ErrGateToken = errors.New("invalid gate token")

// Verify checks signature, expiry and the disabled set. Cheap enough to run per scan.
func (g *GateTokens) Verify(tok string) (string, error) {
	parts := strings.Split(tok, ":")
	if len(parts) != 3 {
		return "", ErrGateToken
	}
	mac := hmac.New(sha256.New, g.Secret)
	mac.Write([]byte(parts[0] + ":" + parts[1]))
	if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(parts[2])) {
		return "", ErrGateToken
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || time.Now().Unix() > exp {
		return "", errors.New("gate token expired")
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.disabled[parts[0]] {
		return "", errors.New("gate decommissioned")
	}
	return parts[0], nil
}

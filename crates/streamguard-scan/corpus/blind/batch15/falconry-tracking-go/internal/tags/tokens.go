// Package tags verifies the HMAC tokens that each backpack tag puts in every frame and
// tracks decommissioned tags (pushed by the registry over Redis pub/sub).
package tags

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

var (
	ErrBadToken       = errors.New("bad tag token")
	ErrExpired        = errors.New("tag token expired")
	ErrDecommissioned = errors.New("tag decommissioned")
)

type Verifier struct {
	Key  []byte
	mu   sync.RWMutex
	dead map[string]bool
}

func NewVerifier(ctx context.Context, key []byte, rdb *redis.Client) *Verifier {
	v := &Verifier{Key: key, dead: map[string]bool{}}
	for _, id := range rdb.SMembers(ctx, "tags:decommissioned").Val() {
		v.dead[id] = true
	}
	sub := rdb.Subscribe(ctx, "tags:decommissioned")
	go func() {
		for msg := range sub.Channel() {
			v.mu.Lock()
			v.dead[msg.Payload] = true
			v.mu.Unlock()
		}
	}()
	return v
}

// Verify checks "tag_id.exp_unix.hexsig" for the given tag.
func (v *Verifier) Verify(tagID, token string) error {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[0] != tagID {
		return ErrBadToken
	}
	mac := hmac.New(sha256.New, v.Key)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	want := mac.Sum(nil)
	got, err := hex.DecodeString(parts[2])
	if err != nil || !hmac.Equal(want, got) {
		return ErrBadToken
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || time.Now().Unix() >= exp {
		return ErrExpired
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dead[tagID] {
		return ErrDecommissioned
	}
	return nil
}

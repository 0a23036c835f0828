package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Tenant is what an API key resolves to.
type Tenant struct {
	ID    string
	KeyID string
	Tps   int
}

// KeyStore caches API keys by hash. Keys have no expiry; the portal publishes
// the hash of a revoked or rotated key on "smsgw:keys:invalidate" and every
// gateway drops it from its cache at once.
type KeyStore struct {
	db  *pgxpool.Pool
	mu  sync.RWMutex
	byH map[string]Tenant
	bad map[string]struct{}
}

func NewKeyStore(db *pgxpool.Pool) *KeyStore {
	return &KeyStore{db: db, byH: map[string]Tenant{}, bad: map[string]struct{}{}}
}

func hashKey(k string) string {
	h := sha256.Sum256([]byte(k))
	return hex.EncodeToString(h[:])
}

func (s *KeyStore) Lookup(ctx context.Context, key string) (Tenant, bool) {
	h := hashKey(key)
	s.mu.RLock()
	if _, revoked := s.bad[h]; revoked {
		s.mu.RUnlock()
		return Tenant{}, false
	}
	t, ok := s.byH[h]
	s.mu.RUnlock()
	if ok {
		return t, true
	}
	row := s.db.QueryRow(ctx, `SELECT tenant_id, key_id, tps FROM api_keys WHERE key_hash = $1 AND disabled_at IS NULL`, h)
	if err := row.Scan(&t.ID, &t.KeyID, &t.Tps); err != nil {
		return Tenant{}, false
	}
	s.mu.Lock()
	s.byH[h] = t
	s.mu.Unlock()
	return t, true
}

// Active reports whether the key is still valid, from the cache only.
func (s *KeyStore) Active(key string) bool {
	h := hashKey(key)
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, revoked := s.bad[h]
	return !revoked
}

func (s *KeyStore) Follow(ctx context.Context, rdb *redis.Client) {
	sub := rdb.Subscribe(ctx, "smsgw:keys:invalidate")
	go func() {
		defer sub.Close()
		for msg := range sub.Channel() {
			s.mu.Lock()
			delete(s.byH, msg.Payload)
			s.bad[msg.Payload] = struct{}{}
			s.mu.Unlock()
			slog.Info("api key invalidated", "hash", msg.Payload[:12])
		}
	}()
}

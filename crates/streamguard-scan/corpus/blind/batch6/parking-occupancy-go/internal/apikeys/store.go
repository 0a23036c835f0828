// Package apikeys holds operator API keys, loaded from Postgres.
package apikeys

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Key is an operator API key.
type Key struct {
	ID       string
	Operator string
	Garages  map[string]bool
	CanOpen  bool
}

func (k *Key) Covers(garage string) bool { return k.Garages["*"] || k.Garages[garage] }

// Store caches the active keys; Refresh reloads them every minute so that a
// key disabled in the back-office stops working for new calls.
type Store struct {
	db   *pgxpool.Pool
	log  *slog.Logger
	mu   sync.RWMutex
	keys map[string]*Key // by sha256 of the key
}

func NewStore(db *pgxpool.Pool, log *slog.Logger) *Store {
	return &Store{db: db, log: log, keys: map[string]*Key{}}
}

func hash(raw string) string {
	h := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(h[:])
}

// Lookup returns the key for raw, or nil when it is unknown or disabled.
func (s *Store) Lookup(raw string) *Key {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.keys[hash(raw)]
}

func (s *Store) load(ctx context.Context) error {
	rows, err := s.db.Query(ctx, `SELECT id, key_sha256, operator, garages, can_open FROM api_keys WHERE disabled_at IS NULL`)
	if err != nil {
		return err
	}
	defer rows.Close()
	next := map[string]*Key{}
	for rows.Next() {
		var id, sum, op string
		var garages []string
		var canOpen bool
		if err := rows.Scan(&id, &sum, &op, &garages, &canOpen); err != nil {
			return err
		}
		k := &Key{ID: id, Operator: op, Garages: map[string]bool{}, CanOpen: canOpen}
		for _, g := range garages {
			k.Garages[g] = true
		}
		next[sum] = k
	}
	if err := rows.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	s.keys = next
	s.mu.Unlock()
	return nil
}

// Refresh loads the keys now and then every interval until ctx ends.
func (s *Store) Refresh(ctx context.Context, every time.Duration) error {
	if err := s.load(ctx); err != nil {
		return err
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := s.load(ctx); err != nil {
					s.log.Warn("api key reload failed; keeping previous set", "err", err)
				}
			}
		}
	}()
	return nil
}

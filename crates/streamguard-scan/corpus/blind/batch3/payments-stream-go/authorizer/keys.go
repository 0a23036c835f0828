package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Terminal struct {
	ID         string
	MerchantID string
	Active     bool
}

// KeyStore holds terminal API keys (hashed) loaded from the database.
type KeyStore struct {
	mu   sync.RWMutex
	byHK map[string]Terminal
}

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

func (ks *KeyStore) Lookup(apiKey string) (Terminal, bool) {
	ks.mu.RLock()
	defer ks.mu.RUnlock()
	t, ok := ks.byHK[hashKey(apiKey)]
	return t, ok && t.Active
}

func (ks *KeyStore) Load(ctx context.Context, db *pgxpool.Pool) error {
	rows, err := db.Query(ctx, `SELECT key_hash, terminal_id, merchant_id, active FROM terminal_keys`)
	if err != nil {
		return err
	}
	defer rows.Close()
	next := map[string]Terminal{}
	for rows.Next() {
		var h string
		var t Terminal
		if err := rows.Scan(&h, &t.ID, &t.MerchantID, &t.Active); err != nil {
			return err
		}
		next[h] = t
	}
	ks.mu.Lock()
	ks.byHK = next
	ks.mu.Unlock()
	return rows.Err()
}

func (ks *KeyStore) Refresh(ctx context.Context, db *pgxpool.Pool, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := ks.Load(ctx, db); err != nil {
				log.Printf("key refresh: %v", err)
			}
		}
	}
}

// Package config publishes versioned POP configuration.
package config

import (
	"context"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Update struct {
	Version uint64
	Kind    string
	Payload []byte
}

type Store struct {
	db   *pgxpool.Pool
	mu   sync.Mutex
	cond map[string]chan struct{} // closed and replaced when a POP gets a new version
}

func NewStore(db *pgxpool.Pool) *Store { return &Store{db: db, cond: make(map[string]chan struct{})} }

// Changed returns a channel closed at the next change for pop.
func (s *Store) Changed(pop string) <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch, ok := s.cond[pop]
	if !ok {
		ch = make(chan struct{})
		s.cond[pop] = ch
	}
	return ch
}

// Notify is called by the LISTEN/NOTIFY loop when pop's configuration changed.
func (s *Store) Notify(pop string) {
	s.mu.Lock()
	if ch, ok := s.cond[pop]; ok {
		close(ch)
	}
	s.cond[pop] = make(chan struct{})
	s.mu.Unlock()
}

func (s *Store) Since(ctx context.Context, pop string, version uint64) ([]Update, error) {
	rows, err := s.db.Query(ctx, `SELECT version, kind, payload FROM pop_config WHERE pop = $1 AND version > $2 ORDER BY version LIMIT 500`, pop, version)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Update
	for rows.Next() {
		var u Update
		if err := rows.Scan(&u.Version, &u.Kind, &u.Payload); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Listen follows Postgres notifications on channel pop_config until ctx ends.
func (s *Store) Listen(ctx context.Context) error {
	conn, err := s.db.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN pop_config"); err != nil {
		return err
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			return err
		}
		s.Notify(n.Payload)
	}
}

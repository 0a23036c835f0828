package vessels

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// Registry looks vessel particulars up in the ship register database, with a small cache.
type Registry struct {
	db    *sql.DB
	mu    sync.Mutex
	cache map[uint32]cached
}

type cached struct {
	v  Particulars
	at time.Time
}

type Particulars struct {
	Name, Callsign, Flag, ShipType string
	LengthM                        uint32
}

func NewRegistry(db *sql.DB) *Registry {
	return &Registry{db: db, cache: make(map[uint32]cached)}
}

func (r *Registry) Lookup(ctx context.Context, mmsi uint32) (Particulars, error) {
	r.mu.Lock()
	c, ok := r.cache[mmsi]
	r.mu.Unlock()
	if ok && time.Since(c.at) < 6*time.Hour {
		return c.v, nil
	}
	var p Particulars
	err := r.db.QueryRowContext(ctx,
		`SELECT name, callsign, flag, ship_type, length_m FROM ships WHERE mmsi = $1`, mmsi).
		Scan(&p.Name, &p.Callsign, &p.Flag, &p.ShipType, &p.LengthM)
	if err != nil {
		return Particulars{}, err
	}
	r.mu.Lock()
	r.cache[mmsi] = cached{v: p, at: time.Now()}
	r.mu.Unlock()
	return p, nil
}

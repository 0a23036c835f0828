package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ Pool *pgxpool.Pool }

type BellRow struct {
	Bell     uint32
	Position string
	At       time.Time
}

// BellsSince returns the bell positions recorded by the tower sensors after `since`.
func (s *Store) BellsSince(ctx context.Context, tower string, since time.Time) ([]BellRow, error) {
	rows, err := s.Pool.Query(ctx,
		`SELECT bell, position, recorded_at FROM bell_positions
		  WHERE tower_id = $1 AND recorded_at > $2 ORDER BY recorded_at`, tower, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BellRow
	for rows.Next() {
		var r BellRow
		if err := rows.Scan(&r.Bell, &r.Position, &r.At); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

type PealRow struct {
	Method    string
	Changes   uint32
	Conductor string
	Rung      time.Time
}

func (s *Store) Peals(ctx context.Context, tower string, year int32) ([]PealRow, error) {
	rows, err := s.Pool.Query(ctx,
		`SELECT method, changes, conductor, rung_at FROM peals
		  WHERE tower_id = $1 AND extract(year from rung_at) = $2 ORDER BY rung_at`, tower, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PealRow
	for rows.Next() {
		var p PealRow
		if err := rows.Scan(&p.Method, &p.Changes, &p.Conductor, &p.Rung); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

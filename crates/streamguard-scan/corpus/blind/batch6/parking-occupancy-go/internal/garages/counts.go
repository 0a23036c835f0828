// Package garages reads and writes occupancy counters.
package garages

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Level struct {
	Name           string
	Free, Capacity int32
}

type Repo struct{ DB *pgxpool.Pool }

func (r *Repo) Levels(ctx context.Context, garage string) ([]Level, error) {
	rows, err := r.DB.Query(ctx, `SELECT level, capacity - occupied, capacity FROM level_counts WHERE garage_id = $1 ORDER BY level`, garage)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Level
	for rows.Next() {
		var l Level
		if err := rows.Scan(&l.Name, &l.Free, &l.Capacity); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Record applies one gate event to the counters of the lane's garage.
func (r *Repo) Record(ctx context.Context, laneID, kind, plate, ticket string, at time.Time) error {
	delta := 0
	switch kind {
	case "ENTRY":
		delta = 1
	case "EXIT":
		delta = -1
	}
	_, err := r.DB.Exec(ctx, `WITH ev AS (
		INSERT INTO gate_events (lane_id, kind, plate, ticket_id, at) VALUES ($1, $2, $3, $4, $5) RETURNING lane_id)
		UPDATE level_counts lc SET occupied = greatest(0, occupied + $6)
		FROM lanes l WHERE l.lane_id = $1 AND lc.garage_id = l.garage_id AND lc.level = l.level`,
		laneID, kind, plate, ticket, at, delta)
	return err
}

// Package emitters reads the licence register.
package emitters

import (
	"context"
	"database/sql"
)

type Registry struct{ DB *sql.DB }

type Row struct {
	ID       string
	FreqMHz  float64
	Licensee string
}

func (r *Registry) InRegion(ctx context.Context, region string, fn func(Row) error) error {
	rows, err := r.DB.QueryContext(ctx, `SELECT emitter_id, freq_mhz, licensee FROM emitters WHERE region = $1 ORDER BY freq_mhz`, region)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x Row
		if err := rows.Scan(&x.ID, &x.FreqMHz, &x.Licensee); err != nil {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return rows.Err()
}

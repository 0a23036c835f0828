package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ db *pgxpool.Pool }

func New(db *pgxpool.Pool) *Store { return &Store{db: db} }

type Status struct {
	MaxTempC, Strain, LossDb float64
	State                    string
	At                       time.Time
}

func (s *Store) LatestStatus(ctx context.Context, segment string) (Status, error) {
	var st Status
	err := s.db.QueryRow(ctx,
		`SELECT max_temp_c, strain, loss_db, state, measured_at FROM segment_status WHERE segment_id = $1`,
		segment).Scan(&st.MaxTempC, &st.Strain, &st.LossDb, &st.State, &st.At)
	return st, err
}

func (s *Store) InsertTrace(ctx context.Context, segment string, startKm, stepM float64, temps []float32, at time.Time) error {
	_, err := s.db.Exec(ctx,
		`INSERT INTO dts_traces (segment_id, start_km, step_m, temps, measured_at) VALUES ($1, $2, $3, $4, $5)`,
		segment, startKm, stepM, temps, at)
	return err
}

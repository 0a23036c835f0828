package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct{ DB *pgxpool.Pool }

type State struct {
	Phase     uint32
	Detectors []uint32
	Mode      string
	UnixMs    int64
}

func (s *Store) CorridorOf(ctx context.Context, intersection string) (string, error) {
	var c string
	err := s.DB.QueryRow(ctx, `select corridor from intersections where id = $1`, intersection).Scan(&c)
	return c, err
}

func (s *Store) LatestState(ctx context.Context, intersection string) (State, error) {
	var st State
	err := s.DB.QueryRow(ctx, `select phase, detectors, mode, extract(epoch from at)*1000
		from phase_log where intersection_id = $1 order by at desc limit 1`, intersection).
		Scan(&st.Phase, &st.Detectors, &st.Mode, &st.UnixMs)
	return st, err
}

func (s *Store) RecordPhase(ctx context.Context, intersection string, st State) error {
	_, err := s.DB.Exec(ctx, `insert into phase_log (intersection_id, phase, detectors, mode, at)
		values ($1, $2, $3, $4, to_timestamp($5 / 1000.0))`, intersection, st.Phase, st.Detectors, st.Mode, st.UnixMs)
	return err
}

func (s *Store) SavePlanChunk(ctx context.Context, planID, intersection string, seq int, data []byte) error {
	_, err := s.DB.Exec(ctx, `insert into plan_chunks (plan_id, intersection_id, seq, data) values ($1, $2, $3, $4)`,
		planID, intersection, seq, data)
	return err
}

func (s *Store) PendingPlan(ctx context.Context, intersection string) (string, []byte, error) {
	var id string
	var data []byte
	err := s.DB.QueryRow(ctx, `select id, body from plans where intersection_id = $1 and state = 'pending'
		order by created_at limit 1`, intersection).Scan(&id, &data)
	return id, data, err
}

package cases

import (
	"context"
	"database/sql"
	"time"
)

type Store struct{ DB *sql.DB }

type Event struct {
	State string
	Note  string
	At    time.Time
}

func (s *Store) Queue(ctx context.Context, caseID string) (string, error) {
	var q string
	err := s.DB.QueryRowContext(ctx, `SELECT queue FROM kyc_cases WHERE id = $1`, caseID).Scan(&q)
	return q, err
}

func (s *Store) EventsAfter(ctx context.Context, caseID string, after time.Time) ([]Event, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT state, note, at FROM kyc_case_events WHERE case_id = $1 AND at > $2 ORDER BY at`, caseID, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.State, &e.Note, &e.At); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) Decide(ctx context.Context, caseID, decision, reason, reviewer string) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO kyc_case_events (case_id, state, note, actor, at) VALUES ($1, $2, $3, $4, now())`,
		caseID, decision, reason, reviewer)
	return err
}

func (s *Store) AttachDocument(ctx context.Context, caseID, docType, objectKey, ocrStatus string) (string, error) {
	var id string
	err := s.DB.QueryRowContext(ctx, `INSERT INTO kyc_documents (case_id, doc_type, object_key, ocr_status) VALUES ($1,$2,$3,$4) RETURNING id`,
		caseID, docType, objectKey, ocrStatus).Scan(&id)
	return id, err
}

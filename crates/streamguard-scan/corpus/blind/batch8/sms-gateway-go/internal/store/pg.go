package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Message struct {
	ID, SenderID, To, Status string
	At                       time.Time
}

type Store struct{ DB *pgxpool.Pool }

func (s *Store) SenderOwner(ctx context.Context, senderID string) (string, error) {
	var tenant string
	err := s.DB.QueryRow(ctx, `SELECT tenant_id FROM sender_ids WHERE sender_id = $1 AND approved`, senderID).Scan(&tenant)
	return tenant, err
}

func (s *Store) Record(ctx context.Context, tenant, id, sender, to, status string) error {
	_, err := s.DB.Exec(ctx, `INSERT INTO messages (id, tenant_id, sender_id, msisdn, status, at) VALUES ($1,$2,$3,$4,$5,now())`, id, tenant, sender, to, status)
	return err
}

func (s *Store) Range(ctx context.Context, tenant string, from, to time.Time, fn func(Message) error) error {
	rows, err := s.DB.Query(ctx, `SELECT id, sender_id, msisdn, status, at FROM messages WHERE tenant_id = $1 AND at BETWEEN $2 AND $3 ORDER BY at`, tenant, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m Message
		if err := rows.Scan(&m.ID, &m.SenderID, &m.To, &m.Status, &m.At); err != nil {
			return err
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	return rows.Err()
}

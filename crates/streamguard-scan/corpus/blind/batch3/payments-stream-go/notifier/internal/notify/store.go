package notify

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/tillpay/notifier/api/notifypb"
)

type Store struct {
	DB *pgxpool.Pool
}

func (s *Store) MarkAcked(ctx context.Context, ids []string) (int64, error) {
	tag, err := s.DB.Exec(ctx, `UPDATE events SET acked_at = now() WHERE id = ANY($1) AND acked_at IS NULL`, ids)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

// Poll moves newly committed events to the hub; one poller per process.
func (s *Store) Poll(ctx context.Context, h *Hub, every time.Duration) {
	var cursor int64
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rows, err := s.DB.Query(ctx, `SELECT seq, id, merchant_id, type, payload, extract(epoch from created_at)*1000 FROM events WHERE seq > $1 ORDER BY seq LIMIT 1000`, cursor)
		if err != nil {
			continue
		}
		for rows.Next() {
			var ev notifypb.Event
			var ms float64
			if err := rows.Scan(&cursor, &ev.EventId, &ev.MerchantId, &ev.Type, &ev.Payload, &ms); err == nil {
				ev.CreatedMs = int64(ms)
				h.Broadcast(&ev)
			}
		}
		rows.Close()
	}
}

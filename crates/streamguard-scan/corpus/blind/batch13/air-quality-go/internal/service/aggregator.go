package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/citylabs/air-quality/gen/aqv1"
)

// RunAggregator recomputes district AQI every period and publishes it.
func RunAggregator(ctx context.Context, db *pgxpool.Pool, hub *Hub, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rows, err := db.Query(ctx, `SELECT district_id, aqi, dominant FROM district_aqi_now`)
		if err != nil {
			slog.Warn("aggregate", "err", err)
			continue
		}
		for rows.Next() {
			u := &aqv1.AqiUpdate{UnixMs: time.Now().UnixMilli()}
			if err := rows.Scan(&u.DistrictId, &u.Aqi, &u.Dominant); err == nil {
				hub.Publish(u)
			}
		}
		rows.Close()
	}
}

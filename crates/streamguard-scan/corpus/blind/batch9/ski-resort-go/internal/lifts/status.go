// Package lifts publishes lift status.
package lifts

import (
	"context"
	"database/sql"
	"time"

	pb "git.alpenpeak.example/resort/internal/gen/resortv1"
	"git.alpenpeak.example/resort/internal/weather"
)

const refresh = 15 * time.Second

type Status struct {
	DB      *sql.DB
	Weather *weather.Client
}

type liftRow struct {
	id, state string
	wait      uint32
}

func (s *Status) lifts(ctx context.Context, area string) ([]liftRow, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT lift_id, state, wait_min FROM lifts WHERE area = $1`, area)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []liftRow
	for rows.Next() {
		var r liftRow
		if err := rows.Scan(&r.id, &r.state, &r.wait); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// wind asks the tower anemometer; the towers answer in well under a second
// when healthy, so five seconds is a generous cap.
func (s *Status) wind(liftID string) float64 {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	v, err := s.Weather.Wind(ctx, liftID)
	if err != nil {
		return -1
	}
	return v
}

func (s *Status) WatchLiftStatus(req *pb.WatchLiftStatusRequest, stream pb.Resort_WatchLiftStatusServer) error {
	ctx := stream.Context()
	t := time.NewTicker(refresh)
	defer t.Stop()
	for {
		rows, err := s.lifts(ctx, req.GetArea())
		if err == nil {
			for _, r := range rows {
				st := &pb.LiftStatus{LiftId: r.id, State: r.state, WaitMin: r.wait, WindMs: s.wind(r.id), Ts: time.Now().Unix()}
				if err := stream.Send(st); err != nil {
					return err
				}
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

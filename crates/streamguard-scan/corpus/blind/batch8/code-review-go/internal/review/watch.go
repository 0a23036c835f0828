package review

import (
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	reviewv1 "forgeline.dev/review/gen/reviewv1"
	"forgeline.dev/review/internal/oauth"
)

const eventPoll = 2 * time.Second

// WatchPullRequest tails the PR's event log. Browser tabs stay on a PR page
// for days.
func (s *Server) WatchPullRequest(req *reviewv1.WatchPRRequest, stream grpc.ServerStreamingServer[reviewv1.PREvent]) error {
	ctx := stream.Context()
	u := oauth.UserFrom(ctx)
	if !canRead(u, req.GetRepo()) {
		return status.Error(codes.NotFound, "no such repository")
	}
	var lastID int64
	if err := s.DB.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM pr_events WHERE repo = $1 AND number = $2`, req.GetRepo(), req.GetNumber()).Scan(&lastID); err != nil {
		return status.Errorf(codes.Unavailable, "event log: %v", err)
	}
	tick := time.NewTicker(eventPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		rows, err := s.DB.Query(ctx, `SELECT id, kind, actor, payload, extract(epoch from at)*1000 FROM pr_events WHERE repo = $1 AND number = $2 AND id > $3 ORDER BY id`, req.GetRepo(), req.GetNumber(), lastID)
		if err != nil {
			return status.Errorf(codes.Unavailable, "event log: %v", err)
		}
		for rows.Next() {
			ev := &reviewv1.PREvent{}
			var ms float64
			if err := rows.Scan(&lastID, &ev.Kind, &ev.Actor, &ev.PayloadJson, &ms); err != nil {
				rows.Close()
				return err
			}
			ev.UnixMs = int64(ms)
			if err := stream.Send(ev); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
	}
}

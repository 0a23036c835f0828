package trends

import (
	"context"
	"time"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/historian"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const maxRange = 31 * 24 * time.Hour

type Service struct{ Historian *historian.Client }

// StreamTrends returns the stored values of one point over a bounded range.
func (s *Service) StreamTrends(req *bmsv1.TrendRequest, stream bmsv1.Building_StreamTrendsServer) error {
	if req.GetTo() <= req.GetFrom() || time.Duration(req.GetTo()-req.GetFrom())*time.Second > maxRange {
		return status.Error(codes.InvalidArgument, "range must be positive and at most 31 days")
	}
	// A trend export can be large; keep the query under the caller's deadline, capped at 2 minutes.
	ctx, cancel := context.WithTimeout(stream.Context(), 2*time.Minute)
	defer cancel()
	return s.Historian.Trend(ctx, req.GetPointId(), req.GetFrom(), req.GetTo(), func(ts int64, v float64) error {
		return stream.Send(&bmsv1.TrendPoint{Ts: ts, Value: v})
	})
}

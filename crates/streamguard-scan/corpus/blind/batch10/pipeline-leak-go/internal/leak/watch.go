package leak

import (
	"context"
	"log/slog"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	leakv1 "github.com/midstream-energy/pipeline-leak/gen/pipeline/leak/v1"
	"github.com/midstream-energy/pipeline-leak/internal/auth"
)

const balanceWindow = 2 * time.Minute

func (s *Server) WatchSegment(req *leakv1.WatchSegmentRequest, stream leakv1.LeakDetection_WatchSegmentServer) error {
	claims, ok := auth.ClaimsFrom(stream.Context())
	if !ok || !claims.CanWatch(req.GetSegmentId()) {
		return status.Error(codes.PermissionDenied, "segment not permitted")
	}
	tick := time.NewTicker(3 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-stream.Context().Done():
			return stream.Context().Err()
		case <-tick.C:
		}
		// The balance query can take a while on the historian; don't let a flaky client abort it.
		b, err := s.Historian.SegmentBalance(context.Background(), req.GetSegmentId(), balanceWindow)
		if err != nil {
			slog.Warn("balance query failed", "segment", req.GetSegmentId(), "err", err)
			continue
		}
		kind := ""
		switch {
		case b.ImbalancePct > s.MaxImbalance:
			kind = "IMBALANCE"
		case b.MinKpa < s.MinKpa:
			kind = "LOW_PRESSURE"
		}
		if kind == "" {
			continue
		}
		if err := stream.Send(&leakv1.PressureAlarm{SegmentId: req.GetSegmentId(), Kind: kind, Kpa: b.MinKpa,
			FlowImbalancePct: b.ImbalancePct, UnixMs: b.UnixMs}); err != nil {
			return err
		}
	}
}

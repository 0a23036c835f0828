package intersections

import (
	"errors"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"gitlab.city.example/its/traffic-signals/gen/trafficv1"
	"gitlab.city.example/its/traffic-signals/internal/auth"
	"gitlab.city.example/its/traffic-signals/internal/store"
)

type Service struct {
	trafficv1.UnimplementedSignalsServer
	Store *store.Store
}

func (s *Service) WatchIntersection(req *trafficv1.WatchIntersectionRequest, stream trafficv1.Signals_WatchIntersectionServer) error {
	ctx := stream.Context()
	op, _ := auth.OperatorFrom(ctx)
	corridor, err := s.Store.CorridorOf(ctx, req.GetIntersectionId())
	if err != nil {
		return status.Error(codes.NotFound, "unknown intersection")
	}
	if !op.MaySee(corridor) {
		return status.Error(codes.PermissionDenied, "corridor not allowed")
	}
	var lastMs int64
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		st, err := s.Store.LatestState(ctx, req.GetIntersectionId())
		if err != nil || st.UnixMs == lastMs {
			continue
		}
		lastMs = st.UnixMs
		if err := stream.Send(&trafficv1.IntersectionState{IntersectionId: req.GetIntersectionId(), Phase: st.Phase,
			DetectorsOccupied: st.Detectors, Mode: st.Mode, UnixMs: st.UnixMs}); err != nil {
			return err
		}
	}
}

const maxPlanBytes = 4 << 20

func (s *Service) UploadTimingPlan(stream trafficv1.Signals_UploadTimingPlanServer) error {
	ctx := stream.Context()
	op, _ := auth.OperatorFrom(ctx)
	if op.Role != "signal-engineer" {
		return status.Error(codes.PermissionDenied, "signal engineers only")
	}
	var planID, intersection string
	var total uint64
	for seq := 0; ; seq++ {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&trafficv1.PlanReceipt{PlanId: planID, Bytes: total})
		}
		if err != nil {
			return err
		}
		if seq == 0 {
			planID, intersection = chunk.GetPlanId(), chunk.GetIntersectionId()
			corridor, err := s.Store.CorridorOf(ctx, intersection)
			if err != nil || !op.MaySee(corridor) {
				return status.Error(codes.PermissionDenied, "corridor not allowed")
			}
		} else if chunk.GetPlanId() != planID || chunk.GetIntersectionId() != intersection {
			return status.Error(codes.InvalidArgument, "one plan per upload")
		}
		total += uint64(len(chunk.GetData()))
		if total > maxPlanBytes {
			return status.Error(codes.ResourceExhausted, "plan too large")
		}
		if err := s.Store.SavePlanChunk(ctx, planID, intersection, seq, chunk.GetData()); err != nil {
			return status.Error(codes.Unavailable, "store")
		}
		if chunk.GetLast() {
			return stream.SendAndClose(&trafficv1.PlanReceipt{PlanId: planID, Bytes: total})
		}
	}
}

package leak

import (
	"context"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	leakv1 "github.com/midstream-energy/pipeline-leak/gen/pipeline/leak/v1"
	"github.com/midstream-energy/pipeline-leak/internal/auth"
)

func (s *Server) ReplayTransient(req *leakv1.ReplayRequest, stream leakv1.LeakDetection_ReplayTransientServer) error {
	claims, ok := auth.ClaimsFrom(stream.Context())
	if !ok || !claims.CanWatch(req.GetSegmentId()) {
		return status.Error(codes.PermissionDenied, "segment not permitted")
	}
	window := time.Duration(req.GetWindowS()) * time.Second
	if window <= 0 || window > 10*time.Minute {
		window = time.Minute
	}
	at := time.UnixMilli(req.GetAtUnixMs())
	ctx, cancel := context.WithTimeout(stream.Context(), 2*time.Minute)
	defer cancel()
	samples, err := s.Historian.Samples(ctx, req.GetSegmentId(), at.Add(-window), at.Add(window))
	if err != nil {
		return status.Errorf(codes.Unavailable, "historian: %v", err)
	}
	for _, smp := range samples {
		if err := stream.Send(&leakv1.PressureSample{RtuId: smp.RTU, Kpa: smp.Kpa, UnixMs: smp.UnixMs}); err != nil {
			return err
		}
	}
	return nil
}

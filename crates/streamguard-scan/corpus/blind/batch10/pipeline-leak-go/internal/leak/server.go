package leak

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	leakv1 "github.com/midstream-energy/pipeline-leak/gen/pipeline/leak/v1"
	"github.com/midstream-energy/pipeline-leak/internal/auth"
	"github.com/midstream-energy/pipeline-leak/internal/historian"
	"github.com/midstream-energy/pipeline-leak/internal/ratelimit"
)

type Server struct {
	leakv1.UnimplementedLeakDetectionServer

	Historian *historian.Client
	RTUs      *auth.RTUVerifier
	Limits    *ratelimit.PerUnit
	Segments  map[string]*leakv1.Segment
	// Alarm thresholds
	MinKpa       float64
	MaxImbalance float64
}

func (s *Server) GetSegment(ctx context.Context, req *leakv1.GetSegmentRequest) (*leakv1.Segment, error) {
	seg, ok := s.Segments[req.GetSegmentId()]
	if !ok {
		return nil, status.Error(codes.NotFound, "no such segment")
	}
	return seg, nil
}

package leak

import (
	"errors"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	leakv1 "github.com/midstream-energy/pipeline-leak/gen/pipeline/leak/v1"
	"github.com/midstream-energy/pipeline-leak/internal/historian"
)

func (s *Server) RtuLink(stream leakv1.LeakDetection_RtuLinkServer) error {
	ctx := stream.Context()
	var unit string
	for {
		f, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		// Every frame carries the unit's token; it is verified (signature, expiry, decommissioning) each time.
		if err := s.RTUs.Verify(f.GetRtuId(), f.GetToken(), time.Now()); err != nil {
			return status.Error(codes.Unauthenticated, err.Error())
		}
		if unit == "" {
			unit = f.GetRtuId()
		} else if f.GetRtuId() != unit {
			return status.Error(codes.PermissionDenied, "one unit per link")
		}
		if !s.Limits.For(unit).Allow() {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}
		if err := s.Historian.Write(ctx, historian.Sample{RTU: unit, Kpa: f.GetKpa(), Flow: f.GetFlowM3H(), UnixMs: f.GetUnixMs()}); err != nil {
			return status.Error(codes.Unavailable, "historian unavailable")
		}
		if err := stream.Send(&leakv1.RtuCommand{RtuId: unit, PollMs: 1000}); err != nil {
			return err
		}
	}
}

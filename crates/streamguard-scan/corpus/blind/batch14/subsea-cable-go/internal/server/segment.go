package server

import (
	"time"

	"github.com/oceanlink/cablemon/gen/cablepb"
	"github.com/oceanlink/cablemon/internal/auth"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// WatchSegment pushes the status of one cable segment every 5 s for as long
// as the NOC screen stays open.
func (m *Monitor) WatchSegment(req *cablepb.WatchSegmentRequest, stream cablepb.CableMonitor_WatchSegmentServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || !claims.CanSee(req.GetSegmentId()) {
		return status.Error(codes.PermissionDenied, "segment not visible")
	}
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		st, err := m.Store.LatestStatus(ctx, req.GetSegmentId())
		if err != nil {
			return status.Errorf(codes.Unavailable, "status: %v", err)
		}
		if err := stream.Send(&cablepb.SegmentStatus{
			SegmentId:         req.GetSegmentId(),
			MaxTempC:          st.MaxTempC,
			StrainMicrostrain: st.Strain,
			OpticalLossDb:     st.LossDb,
			State:             st.State,
			UnixMs:            st.At.UnixMilli(),
		}); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

package server

import (
	"errors"
	"io"

	"github.com/oceanlink/cablemon/gen/cablepb"
	"github.com/oceanlink/cablemon/internal/auth"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type otdrTrace struct {
	EventKm   float64 `json:"event_km"`
	LossDb    float64 `json:"loss_db"`
	EventType string  `json:"event_type"`
}

// FaultLocate: a fault engineer keeps this open while chasing a fault and
// asks for OTDR shots, adjusting pulse width and fibre pair between shots.
func (m *Monitor) FaultLocate(stream cablepb.CableMonitor_FaultLocateServer) error {
	ctx := stream.Context()
	claims, _ := auth.FromContext(ctx)
	if claims == nil || claims.Role != "fault-engineer" {
		return status.Error(codes.PermissionDenied, "fault-engineer role required")
	}
	var authorizedSegment string
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if authorizedSegment == "" {
			if !claims.CanSee(req.GetSegmentId()) {
				return status.Error(codes.PermissionDenied, "segment not assigned")
			}
			authorizedSegment = req.GetSegmentId()
		}
		var out otdrTrace
		err = m.OTDR.Invoke(ctx, "/otdr.v1.Instrument/Shoot",
			map[string]any{"segment": req.GetSegmentId(), "pair": req.GetFibrePair(), "pulse_ns": req.GetPulseNs()}, &out)
		res := &cablepb.OTDRResult{RequestId: req.GetRequestId()}
		if err != nil {
			res.Error = err.Error()
		} else {
			res.EventKm, res.LossDb, res.EventType = out.EventKm, out.LossDb, out.EventType
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

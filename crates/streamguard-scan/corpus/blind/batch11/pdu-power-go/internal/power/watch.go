package power

import (
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pduv1 "github.com/dcops/pdu-power/gen/pdu/v1"
	"github.com/dcops/pdu-power/internal/guard"
)

func (s *Service) WatchOutlets(req *pduv1.WatchOutletsRequest, stream pduv1.PowerDistribution_WatchOutletsServer) error {
	ctx := stream.Context()
	claims := guard.ClaimsFrom(ctx)
	for _, r := range req.GetRackIds() {
		if !claims.CanRack(r) {
			return status.Errorf(codes.PermissionDenied, "rack %s", r)
		}
	}
	tick := time.NewTicker(s.Every)
	defer tick.Stop()
	for {
		for _, rack := range req.GetRackIds() {
			outlets, err := s.SNMP.Outlets(ctx, rack)
			if err != nil {
				if ctx.Err() != nil {
					return context_err(ctx)
				}
				continue
			}
			for _, o := range outlets {
				if err := stream.Send(&pduv1.OutletReading{RackId: rack, PduId: o.PDU, Outlet: o.Outlet, Amps: o.Amps,
					Watts: o.Watts, State: o.State, UnixMs: time.Now().UnixMilli()}); err != nil {
					return err
				}
			}
		}
		select {
		case <-ctx.Done():
			return context_err(ctx)
		case <-tick.C:
		}
	}
}

package charging

import (
	"time"

	"gitlab.transitco.example/depot/charging/gen/depotpb"
	"gitlab.transitco.example/depot/charging/internal/session"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func (s *Service) WatchDepot(req *depotpb.WatchDepotRequest, stream grpc.ServerStreamingServer[depotpb.DepotSnapshot]) error {
	ctx, who, done, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer done()
	if !who.ManagesDepot(req.GetDepotId()) {
		return status.Error(codes.PermissionDenied, "depot not managed by caller")
	}
	tick := time.NewTicker(3 * time.Second)
	defer tick.Stop()
	for {
		d, err := s.EMS.Depot(ctx, req.GetDepotId())
		if err != nil {
			return session.Status(ctx, status.Errorf(codes.Unavailable, "ems: %v", err))
		}
		snap := &depotpb.DepotSnapshot{DepotId: req.GetDepotId(), LoadKw: d.LoadKw, GridLimitKw: d.GridLimitKw}
		for _, b := range d.Buses {
			snap.Buses = append(snap.Buses, &depotpb.BusState{BusId: b.BusID, SocPct: b.SocPct, ChargerId: b.ChargerID, ReadyByUnix: b.ReadyBy})
		}
		if err := stream.Send(snap); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return session.Status(ctx, ctx.Err())
		case <-tick.C:
		}
	}
}

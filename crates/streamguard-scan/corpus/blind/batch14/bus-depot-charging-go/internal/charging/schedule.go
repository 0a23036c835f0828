package charging

import (
	"errors"
	"io"
	"time"

	"gitlab.transitco.example/depot/charging/gen/depotpb"
	"gitlab.transitco.example/depot/charging/internal/session"
	"google.golang.org/grpc"
)

// ScheduleSession: the night dispatcher plans charging bus by bus; every
// command names its depot and is checked against the dispatcher's depots.
func (s *Service) ScheduleSession(stream grpc.BidiStreamingServer[depotpb.ScheduleCommand, depotpb.ScheduleResult]) error {
	ctx, who, done, err := s.Sessions.Open(stream.Context())
	if err != nil {
		return err
	}
	defer done()
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return session.Status(ctx, err)
		}
		res := &depotpb.ScheduleResult{RequestId: cmd.GetRequestId()}
		if !who.ManagesDepot(cmd.GetDepotId()) {
			res.Detail = "PERMISSION_DENIED"
		} else {
			kwh := (cmd.GetTargetSocPct() / 100) * busBatteryKwh
			cost, err := s.Market.Quote(cmd.GetDepotId(), kwh, time.Unix(cmd.GetReadyByUnix(), 0))
			if err != nil {
				res.Detail = "market unavailable"
			} else {
				res.Ok, res.EstCostEur = true, cost
			}
		}
		if err := stream.Send(res); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return session.Status(ctx, ctx.Err())
		}
	}
}

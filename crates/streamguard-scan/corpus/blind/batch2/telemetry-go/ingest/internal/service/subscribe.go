package service

import (
	"slices"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"gitlab.com/voltgrid/edge/ingest/internal/auth"
	"gitlab.com/voltgrid/edge/ingest/pb"
)

func (t *Telemetry) Subscribe(req *pb.SubscribeRequest, stream pb.Telemetry_SubscribeServer) error {
	ctx := stream.Context()
	dev := auth.DeviceFrom(ctx)
	if !slices.Contains(dev.Groups, "operators") && dev.Site != req.GetSite() {
		return status.Error(codes.PermissionDenied, "site not visible to this identity")
	}

	ch := t.Hub.Subscribe(req.GetSite())
	defer t.Hub.Unsubscribe(ch)

	for {
		select {
		case <-ctx.Done():
			return nil
		case r := <-ch:
			if req.GetMetric() != "" && r.GetMetric() != req.GetMetric() {
				continue
			}
			if err := stream.Send(r); err != nil {
				return err
			}
		}
	}
}

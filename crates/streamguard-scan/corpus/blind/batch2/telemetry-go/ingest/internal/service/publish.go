package service

import (
	"errors"
	"io"
	"log"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"gitlab.com/voltgrid/edge/ingest/internal/auth"
	"gitlab.com/voltgrid/edge/ingest/internal/tsdb"
	"gitlab.com/voltgrid/edge/ingest/pb"
)

const flushEvery = 200

type Telemetry struct {
	pb.UnimplementedTelemetryServer
	Hub     *Hub
	TSDB    *tsdb.Writer
	Limiter *PeerLimiter
}

func (t *Telemetry) Publish(stream pb.Telemetry_PublishServer) error {
	ctx := stream.Context()
	dev := auth.DeviceFrom(ctx)
	var accepted, dropped int64
	batch := make([]tsdb.Point, 0, flushEvery)

	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := t.TSDB.Write(ctx, batch)
		batch = batch[:0]
		return err
	}

	for {
		r, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if err := flush(); err != nil {
				log.Printf("final flush for %s: %v", dev.ID, err)
			}
			return stream.SendAndClose(&pb.PublishAck{Accepted: accepted, Dropped: dropped})
		}
		if err != nil {
			return err
		}
		if r.GetDeviceId() != dev.ID {
			return status.Errorf(codes.PermissionDenied, "device %s may not publish for %s", dev.ID, r.GetDeviceId())
		}
		if !t.Limiter.Allow(ctx) {
			dropped++
			continue
		}
		t.Hub.Publish(dev.Site, r)
		batch = append(batch, tsdb.Point{
			Metric: r.GetMetric(),
			Labels: map[string]string{"device": dev.ID, "site": dev.Site},
			Value:  r.GetValue(),
			UnixMs: r.GetUnixMs(),
		})
		accepted++
		if len(batch) >= flushEvery {
			if err := flush(); err != nil {
				return status.Errorf(codes.Unavailable, "tsdb write: %v", err)
			}
		}
	}
}

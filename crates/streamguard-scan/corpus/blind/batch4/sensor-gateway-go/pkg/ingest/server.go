package ingest

import (
	"errors"
	"io"
	"log"
	"time"

	"git.internal/plant/sensor-gateway/gen/sensorspb"
	"git.internal/plant/sensor-gateway/pkg/devicetoken"
	"git.internal/plant/sensor-gateway/pkg/pubsub"
	"git.internal/plant/sensor-gateway/pkg/tsdb"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const (
	batchSize          = 200
	maxReadingsPerMin  = 6000
	maxConfigStreamAge = 30 * time.Minute
)

type Server struct {
	sensorspb.UnimplementedIngestServer
	Tokens devicetoken.Verifier
	TSDB   *tsdb.Writer
	Bus    *pubsub.Bus
}

// IngestReadings is opened by each device at boot and kept open while it runs.
func (s *Server) IngestReadings(stream sensorspb.Ingest_IngestReadingsServer) error {
	ctx := stream.Context()
	dev, err := s.Tokens.FromContext(ctx)
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	var accepted, dropped uint64
	windowStart := time.Now()
	inWindow := 0
	batch := make([]tsdb.Point, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := s.TSDB.Write(ctx, batch)
		batch = batch[:0]
		return err
	}

	for {
		r, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if err := flush(); err != nil {
				return status.Errorf(codes.Unavailable, "tsdb: %v", err)
			}
			return stream.SendAndClose(&sensorspb.IngestAck{Accepted: accepted, Dropped: dropped})
		}
		if err != nil {
			return err
		}
		if time.Since(windowStart) > time.Minute {
			windowStart, inWindow = time.Now(), 0
		}
		inWindow++
		if inWindow > maxReadingsPerMin {
			dropped++
			continue
		}
		batch = append(batch, tsdb.Point{Device: dev.ID, Sensor: r.GetSensor(), Value: r.GetValue(), AtUnixMs: r.GetAtUnixMs()})
		accepted++
		if len(batch) == batchSize {
			if err := flush(); err != nil {
				log.Printf("device %s: tsdb write failed: %v", dev.ID, err)
				return status.Errorf(codes.Unavailable, "tsdb: %v", err)
			}
		}
	}
}

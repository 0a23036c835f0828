package crane

import (
	"context"
	"time"

	"harbour.example/cranes/pb/cranepb"
)

// PLCReader reads crane positions from the quay PLC network (OPC UA bridge).
type PLCReader interface {
	Positions(ctx context.Context, quay string) ([]*cranepb.TwinFrame, error)
}

// Twin serves the digital twin of the quay; the twin client is authenticated
// by its mTLS certificate only (see cmd/twin-sync).
type Twin struct {
	cranepb.UnimplementedTwinFeedServer
	PLC PLCReader
}

func (t *Twin) StreamTwin(req *cranepb.TwinRequest, stream cranepb.TwinFeed_StreamTwinServer) error {
	ctx := stream.Context()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		frames, err := t.PLC.Positions(ctx, req.Quay)
		if err != nil {
			continue
		}
		for _, f := range frames {
			f.AtMs = time.Now().UnixMilli()
			if err := stream.Send(f); err != nil {
				return err
			}
		}
	}
}

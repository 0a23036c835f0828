// Package bridge receives point values from field controllers.
package bridge

import (
	"errors"
	"io"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/devicetoken"
	"github.com/cobaltfm/bms/internal/historian"
)

type Ingest struct {
	bmsv1.UnimplementedPointIngestServer
	Tokens    *devicetoken.Verifier
	Historian *historian.Client
}

func (s *Ingest) IngestPoints(stream bmsv1.PointIngest_IngestPointsServer) error {
	ctx := stream.Context()
	md, _ := metadata.FromIncomingContext(ctx)
	toks := md.Get("x-controller-token")
	if len(toks) == 0 {
		return status.Error(codes.Unauthenticated, "missing controller token")
	}
	dev, err := s.Tokens.Verify(toks[0])
	if err != nil {
		return status.Errorf(codes.Unauthenticated, "controller token: %v", err)
	}
	// 50 points/s with bursts for COV floods after a trunk reconnect.
	lim := rate.NewLimiter(50, 500)
	var accepted uint64
	for {
		pv, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&bmsv1.IngestAck{Accepted: accepted})
		}
		if err != nil {
			return err
		}
		if !lim.Allow() {
			return status.Error(codes.ResourceExhausted, "point rate exceeded")
		}
		if pv.GetControllerId() != dev.ControllerID {
			continue // values are always stored under the authenticated controller
		}
		if err := s.Historian.InsertPoint(ctx, dev.ControllerID, pv.GetPointId(), pv.GetValue(), pv.GetTs()); err != nil {
			return status.Errorf(codes.Unavailable, "historian: %v", err)
		}
		accepted++
	}
}

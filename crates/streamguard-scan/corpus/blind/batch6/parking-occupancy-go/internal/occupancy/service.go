// Package occupancy implements parking.v1.Occupancy.
package occupancy

import (
	"context"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	parkingv1 "github.com/parkwise/occupancy/gen/parking/v1"
	"github.com/parkwise/occupancy/internal/apikeys"
	"github.com/parkwise/occupancy/internal/garages"
)

// pushEvery is how often a garage snapshot goes out; guidance signs refresh
// on each message.
const pushEvery = 5 * time.Second

type Service struct {
	parkingv1.UnimplementedOccupancyServer
	Repo *garages.Repo
}

func snapshot(id string, levels []garages.Level) *parkingv1.GarageSnapshot {
	snap := &parkingv1.GarageSnapshot{GarageId: id, UnixMs: time.Now().UnixMilli()}
	for _, l := range levels {
		snap.Free += l.Free
		snap.Capacity += l.Capacity
		snap.Levels = append(snap.Levels, &parkingv1.LevelCount{Level: l.Name, Free: l.Free, Capacity: l.Capacity})
	}
	return snap
}

func (s *Service) GetGarage(ctx context.Context, req *parkingv1.GetGarageRequest) (*parkingv1.GarageSnapshot, error) {
	k := apikeys.FromContext(ctx)
	if k == nil || !k.Covers(req.GarageId) {
		return nil, status.Error(codes.PermissionDenied, "garage not covered by key")
	}
	levels, err := s.Repo.Levels(ctx, req.GarageId)
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "counts: %v", err)
	}
	return snapshot(req.GarageId, levels), nil
}

func (s *Service) WatchGarage(req *parkingv1.WatchGarageRequest, stream parkingv1.Occupancy_WatchGarageServer) error {
	ctx := stream.Context()
	k := apikeys.FromContext(ctx)
	if k == nil || !k.Covers(req.GetGarageId()) {
		return status.Error(codes.PermissionDenied, "garage not covered by key")
	}
	t := time.NewTicker(pushEvery)
	defer t.Stop()
	var lastFree int32 = -1
	for {
		levels, err := s.Repo.Levels(ctx, req.GetGarageId())
		if err != nil {
			return status.Errorf(codes.Unavailable, "counts: %v", err)
		}
		snap := snapshot(req.GetGarageId(), levels)
		if snap.Free != lastFree {
			if err := stream.Send(snap); err != nil {
				return err
			}
			lastFree = snap.Free
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Package zones implements the zone read side of the Building service.
package zones

import (
	"context"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/auth"
	"github.com/cobaltfm/bms/internal/historian"
)

const samplePeriod = 10 * time.Second

type Service struct {
	Historian *historian.Client
}

func (s *Service) authorizeZone(ctx context.Context, zoneID string) error {
	c, ok := auth.FromContext(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	b, err := s.Historian.BuildingOfZone(ctx, zoneID)
	if err != nil {
		return status.Errorf(codes.NotFound, "zone %s: %v", zoneID, err)
	}
	if !c.HasBuilding(b) {
		return status.Error(codes.PermissionDenied, "zone is in a building you do not service")
	}
	return nil
}

func (s *Service) GetZone(ctx context.Context, req *bmsv1.GetZoneRequest) (*bmsv1.Zone, error) {
	if err := s.authorizeZone(ctx, req.GetZoneId()); err != nil {
		return nil, err
	}
	b, _ := s.Historian.BuildingOfZone(ctx, req.GetZoneId())
	return &bmsv1.Zone{ZoneId: req.GetZoneId(), BuildingId: b}, nil
}

// WatchZone pushes the zone's state every sample period until the client goes away.
func (s *Service) WatchZone(req *bmsv1.WatchZoneRequest, stream bmsv1.Building_WatchZoneServer) error {
	ctx := stream.Context()
	if err := s.authorizeZone(ctx, req.GetZoneId()); err != nil {
		return err
	}
	t := time.NewTicker(samplePeriod)
	defer t.Stop()
	var last historian.ZoneSample
	for {
		sample, err := s.Historian.LatestZone(ctx, req.GetZoneId())
		if err == nil && sample != last {
			last = sample
			if err := stream.Send(&bmsv1.ZoneState{ZoneId: req.GetZoneId(), TempC: sample.TempC, SetpointC: sample.SetpointC,
				Co2Ppm: sample.CO2, Mode: sample.Mode, Ts: sample.Ts}); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Package server composes the Building service from its parts.
package server

import (
	"context"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/commission"
	"github.com/cobaltfm/bms/internal/trends"
	"github.com/cobaltfm/bms/internal/zones"
)

type Building struct {
	bmsv1.UnimplementedBuildingServer
	Zones       *zones.Service
	Trends      *trends.Service
	Commissions *commission.Service
}

func (b *Building) GetZone(ctx context.Context, req *bmsv1.GetZoneRequest) (*bmsv1.Zone, error) {
	return b.Zones.GetZone(ctx, req)
}

func (b *Building) WatchZone(req *bmsv1.WatchZoneRequest, stream bmsv1.Building_WatchZoneServer) error {
	return b.Zones.WatchZone(req, stream)
}

func (b *Building) StreamTrends(req *bmsv1.TrendRequest, stream bmsv1.Building_StreamTrendsServer) error {
	return b.Trends.StreamTrends(req, stream)
}

func (b *Building) Commission(stream bmsv1.Building_CommissionServer) error {
	return b.Commissions.Commission(stream)
}

// Package vessels implements ais.v1.Vessels.
package vessels

import (
	"context"
	"log/slog"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
	portauthv1 "github.com/harbourlabs/ais/gen/portauthv1"
	"github.com/harbourlabs/ais/internal/auth"
	"github.com/harbourlabs/ais/internal/tracks"
)

type Server struct {
	aisv1.UnimplementedVesselsServer
	hub      *tracks.Hub
	registry *Registry
	ports    *PortWatcher
	pa       portauthv1.PortAuthorityClient
	log      *slog.Logger
}

func NewServer(hub *tracks.Hub, reg *Registry, ports *PortWatcher, pa portauthv1.PortAuthorityClient, log *slog.Logger) *Server {
	return &Server{hub: hub, registry: reg, ports: ports, pa: pa, log: log}
}

func inBox(r *aisv1.TrackRequest, p tracks.Position) bool {
	return p.Lat >= r.GetMinLat() && p.Lat <= r.GetMaxLat() && p.Lon >= r.GetMinLon() && p.Lon <= r.GetMaxLon()
}

func (s *Server) TrackVessels(req *aisv1.TrackRequest, stream aisv1.Vessels_TrackVesselsServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	if claims.Tier == "free" && (req.GetMaxLat()-req.GetMinLat())*(req.GetMaxLon()-req.GetMinLon()) > 25 {
		return status.Error(codes.PermissionDenied, "free tier: bounding box larger than 25 square degrees")
	}
	ch := s.hub.Subscribe()
	defer s.hub.Unsubscribe(ch)
	s.log.Info("track opened", "sub", claims.Subject)

	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case p := <-ch:
			if !inBox(req, p) {
				continue
			}
			out := &aisv1.VesselPosition{Mmsi: p.MMSI, Lat: p.Lat, Lon: p.Lon, SogKnots: p.SOG, CogDeg: p.COG, UnixMs: p.UnixMs}
			if v, err := s.registry.Lookup(ctx, p.MMSI); err == nil {
				out.Name, out.Flag = v.Name, v.Flag
			}
			if err := stream.Send(out); err != nil {
				return err
			}
		}
	}
}

func (s *Server) GetVessel(ctx context.Context, req *aisv1.GetVesselRequest) (*aisv1.Vessel, error) {
	v, err := s.registry.Lookup(ctx, req.GetMmsi())
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "mmsi %d: %v", req.GetMmsi(), err)
	}
	return &aisv1.Vessel{Mmsi: req.GetMmsi(), Name: v.Name, Callsign: v.Callsign, Flag: v.Flag, LengthM: v.LengthM, ShipType: v.ShipType}, nil
}

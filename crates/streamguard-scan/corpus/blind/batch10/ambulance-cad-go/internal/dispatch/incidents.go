package dispatch

import (
	"context"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	cadv1 "git.regionems.org/cad/cad-platform/gen/cad/v1"
	"git.regionems.org/cad/cad-platform/internal/authn"
)

func zoneAllowed(c *authn.Claims, zone string) bool {
	for _, z := range c.Zones {
		if z == zone {
			return true
		}
	}
	return false
}

func (s *Server) WatchIncidents(req *cadv1.WatchIncidentsRequest, stream cadv1.Dispatch_WatchIncidentsServer) error {
	claims := authn.FromContext(stream.Context())
	if claims == nil || claims.Role != "dispatcher" || !zoneAllowed(claims, req.GetZone()) {
		return status.Error(codes.PermissionDenied, "zone not permitted")
	}
	ctx, done := s.Revocations.Guard(stream.Context(), claims)
	defer done()

	events, unsubscribe := s.Board.Subscribe(req.GetZone())
	defer unsubscribe()
	for {
		select {
		case <-ctx.Done():
			return authn.StatusOf(ctx, ctx.Err())
		case inc := <-events:
			gctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			pt, err := s.Geo.Lookup(gctx, inc.Address)
			cancel()
			if err != nil {
				pt.Lat, pt.Lon = 0, 0
			}
			if err := stream.Send(&cadv1.IncidentEvent{IncidentId: inc.ID, Kind: inc.Status, Address: inc.Address,
				Lat: pt.Lat, Lon: pt.Lon, Priority: inc.Priority}); err != nil {
				return err
			}
		}
	}
}

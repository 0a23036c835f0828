package dispatch

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	cadv1 "git.regionems.org/cad/cad-platform/gen/cad/v1"
	"git.regionems.org/cad/cad-platform/internal/authn"
	"git.regionems.org/cad/cad-platform/internal/board"
	"git.regionems.org/cad/cad-platform/internal/geo"
)

type Server struct {
	cadv1.UnimplementedDispatchServer

	Board       *board.Board
	Geo         *geo.Geocoder
	Revocations *authn.Revocations
}

func (s *Server) GetIncident(ctx context.Context, req *cadv1.GetIncidentRequest) (*cadv1.Incident, error) {
	return nil, status.Error(codes.Unimplemented, "served by cad-web")
}

package tiles

import (
	"errors"
	"io"
	"time"

	"example.com/geotiles/gen/tilesv1"
	"example.com/geotiles/internal/authn"
	"example.com/geotiles/internal/render"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Service struct {
	tilesv1.UnimplementedTilesServer
	Renderer *render.Client
	Limiter  *SubjectLimiter
	Poll     time.Duration
}

func (s *Service) WatchTiles(req *tilesv1.WatchTilesRequest, stream tilesv1.Tiles_WatchTilesServer) error {
	ctx := stream.Context()
	p := authn.PrincipalFrom(ctx)
	if !allowed(p, req.GetLayerId(), "read") {
		return status.Errorf(codes.PermissionDenied, "layer %q not readable with this token", req.GetLayerId())
	}
	var last uint64
	tick := time.NewTicker(s.Poll)
	defer tick.Stop()
	for {
		resp, err := s.Renderer.Render(ctx, &tilesv1.RenderRequest{LayerId: req.GetLayerId(), Zoom: req.GetZoom(), X: req.GetX(), Y: req.GetY()})
		if err != nil {
			return err
		}
		if resp.GetVersion() != last {
			last = resp.GetVersion()
			if err := stream.Send(&tilesv1.TileUpdate{LayerId: req.GetLayerId(), Zoom: req.GetZoom(), X: req.GetX(), Y: req.GetY(), Png: resp.GetPng(), Version: last}); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

func (s *Service) StreamEdits(stream tilesv1.Tiles_StreamEditsServer) error {
	ctx := stream.Context()
	p := authn.PrincipalFrom(ctx)
	for {
		edit, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !s.Limiter.Allow(p.Subject) {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}
		if !allowed(p, edit.GetLayerId(), "edit") {
			if err := stream.Send(&tilesv1.EditResult{EditId: edit.GetEditId(), Error: "PERMISSION_DENIED: insufficient_scope"}); err != nil {
				return err
			}
			continue
		}
		res, err := s.Renderer.Apply(ctx, edit)
		if err != nil {
			res = &tilesv1.EditResult{EditId: edit.GetEditId(), Error: status.Convert(err).Message()}
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

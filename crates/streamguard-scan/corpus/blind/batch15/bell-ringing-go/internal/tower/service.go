package tower

import (
	"context"
	"errors"
	"io"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/stmarys-ringers/belltower/gen/bellpb"
	"github.com/stmarys-ringers/belltower/internal/auth"
	"github.com/stmarys-ringers/belltower/internal/store"
)

type Service struct {
	bellpb.UnimplementedTowerServer
	Store    *store.Store
	Actuator *Actuator
}

func (s *Service) WatchTower(req *bellpb.WatchTowerRequest, stream bellpb.Tower_WatchTowerServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || !claims.InTower(req.GetTowerId()) {
		return status.Error(codes.PermissionDenied, "not a ringer of this tower")
	}
	since := time.Now().Add(-time.Minute)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		rows, err := s.Store.BellsSince(ctx, req.GetTowerId(), since)
		if err != nil {
			return status.Errorf(codes.Unavailable, "bell positions: %v", err)
		}
		for _, r := range rows {
			if err := stream.Send(&bellpb.BellState{
				TowerId: req.GetTowerId(), Bell: r.Bell, Position: r.Position, UnixMs: r.At.UnixMilli(),
			}); err != nil {
				return err
			}
			since = r.At
		}
	}
}

func (s *Service) RingingSession(stream bellpb.Tower_RingingSessionServer) error {
	claims, ok := auth.FromContext(stream.Context())
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	limiter := rate.NewLimiter(rate.Limit(8), 16) // a touch of Stedman Triples is ~8 strikes/s
	joined := ""

	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "too many strikes")
		}
		switch m := msg.Msg.(type) {
		case *bellpb.RingerMessage_Join:
			if !claims.InTower(m.Join.GetTowerId()) || !claims.InBand(m.Join.GetBandId()) {
				return status.Error(codes.PermissionDenied, "not in this band/tower")
			}
			joined = m.Join.GetTowerId()
			_ = stream.Send(&bellpb.RingerEvent{Ok: true, Message: "joined " + joined, UnixMs: time.Now().UnixMilli()})
		case *bellpb.RingerMessage_Pull:
			if joined == "" {
				return status.Error(codes.FailedPrecondition, "join a tower first")
			}
			// Motors must complete the stroke even if the ringer's app hiccups.
			sctx, cancel := context.WithTimeout(context.Background(), strikeTimeout)
			err := s.Actuator.Strike(sctx, m.Pull.GetTowerId(), m.Pull.GetBell(), m.Pull.GetStroke())
			cancel()
			if err != nil {
				_ = stream.Send(&bellpb.RingerEvent{Ok: false, Message: err.Error()})
				continue
			}
			_ = stream.Send(&bellpb.RingerEvent{Ok: true, UnixMs: time.Now().UnixMilli()})
		case *bellpb.RingerMessage_Call:
			_ = stream.Send(&bellpb.RingerEvent{Ok: true, Message: "call: " + m.Call.GetCall()})
		}
	}
}

func (s *Service) ListPeals(req *bellpb.ListPealsRequest, stream bellpb.Tower_ListPealsServer) error {
	claims, ok := auth.FromContext(stream.Context())
	if !ok || !claims.InTower(req.GetTowerId()) {
		return status.Error(codes.PermissionDenied, "not a ringer of this tower")
	}
	peals, err := s.Store.Peals(stream.Context(), req.GetTowerId(), req.GetYear())
	if err != nil {
		return status.Errorf(codes.Unavailable, "peals: %v", err)
	}
	for _, p := range peals {
		if err := stream.Send(&bellpb.Peal{
			TowerId: req.GetTowerId(), Method: p.Method, Changes: p.Changes, Conductor: p.Conductor, RungUnix: p.Rung.Unix(),
		}); err != nil {
			return err
		}
	}
	return nil
}

// Package interlocking implements railsignal.v1.Interlocking on top of the
// field gateway.
package interlocking

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	railsignalv1 "gitlab.nordrail.example/signalling/railsignal/gen/railsignal/v1"
	"gitlab.nordrail.example/signalling/railsignal/internal/fieldbus"
	"gitlab.nordrail.example/signalling/railsignal/internal/guard"
)

// maxReplayWindow bounds ReplayLog requests.
const maxReplayWindow = 6 * time.Hour

type Service struct {
	railsignalv1.UnimplementedInterlockingServer
	Field fieldbus.Gateway
}

// AuthorizeRoute is the per-message authorizer for RouteRequests, installed
// in the guard by main.
func AuthorizeRoute(c *guard.Claims, msg any) error {
	req, ok := msg.(*railsignalv1.RouteRequest)
	if !ok {
		return status.Error(codes.Internal, "unexpected message type")
	}
	if c.Role != "dispatcher" || !c.Covers(req.GetSectionId()) {
		return status.Errorf(codes.PermissionDenied, "section %s not covered by token", req.GetSectionId())
	}
	return nil
}

func (s *Service) WatchBlocks(req *railsignalv1.WatchBlocksRequest, stream railsignalv1.Interlocking_WatchBlocksServer) error {
	ctx := stream.Context()
	if c := guard.ClaimsFrom(ctx); c == nil || !c.Covers(req.GetSectionId()) {
		return status.Error(codes.PermissionDenied, "section not covered by token")
	}
	events, err := s.Field.SubscribeSection(ctx, req.GetSectionId())
	if err != nil {
		return status.Errorf(codes.Unavailable, "field gateway: %v", err)
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-events:
			if !ok {
				return status.Error(codes.Unavailable, "field gateway closed the subscription")
			}
			if err := stream.Send(&railsignalv1.BlockState{
				SectionId: ev.Section, BlockId: ev.Block, Occupied: ev.Occupied,
				Aspect: ev.Aspect, TrainNumber: ev.Train, UnixMs: ev.At.UnixMilli(),
			}); err != nil {
				return err
			}
		}
	}
}

func (s *Service) RouteRequests(stream railsignalv1.Interlocking_RouteRequestsServer) error {
	ctx := stream.Context()
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if status.Code(err) == codes.PermissionDenied {
			// refused by the guard's authorizer: tell the dispatcher, keep the session
			if sendErr := stream.Send(&railsignalv1.RouteDecision{Reason: status.Convert(err).Message()}); sendErr != nil {
				return sendErr
			}
			continue
		}
		if err != nil {
			return err
		}
		decision := &railsignalv1.RouteDecision{RequestId: req.RequestId}
		callCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
		if req.Cancel {
			err = s.Field.ReleaseRoute(callCtx, req.SectionId, req.EntrySignal)
		} else {
			err = s.Field.SetRoute(callCtx, req.SectionId, req.EntrySignal, req.ExitSignal, req.TrainNumber)
		}
		cancel()
		var conflict fieldbus.ErrRouteConflict
		switch {
		case err == nil:
			decision.Granted = true
		case errors.As(err, &conflict):
			decision.Reason = conflict.Reason
		default:
			decision.Reason = "field gateway: " + err.Error()
		}
		if err := stream.Send(decision); err != nil {
			return err
		}
	}
}

func (s *Service) ReplayLog(req *railsignalv1.ReplayLogRequest, stream railsignalv1.Interlocking_ReplayLogServer) error {
	ctx := stream.Context()
	c := guard.ClaimsFrom(ctx)
	if c == nil || c.Role != "investigator" || !c.Covers(req.SectionId) {
		return status.Error(codes.PermissionDenied, "investigators of this section only")
	}
	from, to := time.UnixMilli(req.FromUnixMs), time.UnixMilli(req.ToUnixMs)
	if !to.After(from) || to.Sub(from) > maxReplayWindow {
		return status.Error(codes.InvalidArgument, "window must be positive and at most 6 h")
	}
	return s.Field.Recorder(ctx, req.SectionId, from, to, func(at time.Time, source, text string) error {
		return stream.Send(&railsignalv1.LogEntry{UnixMs: at.UnixMilli(), Source: source, Text: text})
	})
}

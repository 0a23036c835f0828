package dispatch

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	dispatchv1 "github.com/ridely/dispatch/gen/dispatch/v1"
	"github.com/ridely/dispatch/internal/auth"
	"github.com/ridely/dispatch/internal/geo"
	"github.com/ridely/dispatch/internal/pricing"
	"github.com/ridely/dispatch/internal/ratelimit"
	"github.com/ridely/dispatch/internal/revocation"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

var errTokenExpired = errors.New("token_expired")

type Server struct {
	dispatchv1.UnimplementedDispatchServer

	Index    *geo.Index
	Pricing  *pricing.Client
	Limits   *ratelimit.PeerLimiter
	Revoked  *revocation.Hub
	Log      *slog.Logger
}

func (s *Server) DriverSession(stream dispatchv1.Dispatch_DriverSessionServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || claims.Role != "driver" {
		return status.Error(codes.PermissionDenied, "driver token required")
	}
	driverID := claims.Subject
	limiter := s.Limits.For(ctx)
	defer s.Limits.Forget(ctx)

	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "too many driver messages")
		}

		switch b := msg.GetBody().(type) {
		case *dispatchv1.DriverMessage_Location:
			s.Index.Update(driverID, b.Location)
		case *dispatchv1.DriverMessage_OfferReply:
			if owner := s.Index.DriverOf(b.OfferReply.GetRideId()); owner != "" && owner != driverID {
				if err := stream.Send(errMsg("PERMISSION_DENIED", "ride offered to another driver")); err != nil {
					return err
				}
				continue
			}
			if !b.OfferReply.GetAccept() {
				continue
			}
			fare, err := s.Pricing.Quote(&dispatchv1.QuoteRequest{RideId: b.OfferReply.GetRideId(), DriverId: driverID})
			if err != nil {
				s.Log.Warn("quote failed", "ride", b.OfferReply.GetRideId(), "err", err)
				if err := stream.Send(errMsg("UNAVAILABLE", "pricing unavailable, retry")); err != nil {
					return err
				}
				continue
			}
			s.Index.Assign(b.OfferReply.GetRideId(), driverID)
			if err := stream.Send(&dispatchv1.DispatchMessage{Body: &dispatchv1.DispatchMessage_Offer{Offer: &dispatchv1.Offer{RideId: b.OfferReply.GetRideId(), FareCents: fare}}}); err != nil {
				return err
			}
		case *dispatchv1.DriverMessage_RideUpdate:
			if s.Index.DriverOf(b.RideUpdate.GetRideId()) != driverID {
				if err := stream.Send(errMsg("PERMISSION_DENIED", "not your ride")); err != nil {
					return err
				}
				continue
			}
			if err := stream.Send(&dispatchv1.DispatchMessage{Body: &dispatchv1.DispatchMessage_Ack{Ack: &dispatchv1.Ack{RideId: b.RideUpdate.GetRideId()}}}); err != nil {
				return err
			}
		}
	}
}

func (s *Server) TrackRide(req *dispatchv1.TrackRideRequest, stream dispatchv1.Dispatch_TrackRideServer) error {
	claims, ok := auth.FromContext(stream.Context())
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	if s.Index.RiderOf(req.GetRideId()) != claims.Subject {
		return status.Error(codes.PermissionDenied, "not your ride")
	}
	// The stream may not outlive the token, and dies at once when the token is revoked.
	ctx, cancel := context.WithDeadlineCause(stream.Context(), claims.ExpiresAt.Time, errTokenExpired)
	defer cancel()
	revoked, stopWatch := s.Revoked.Watch(claims.ID)
	defer stopWatch()

	positions, unfollow := s.Index.Follow(req.GetRideId())
	defer unfollow()
	for {
		select {
		case <-ctx.Done():
			if errors.Is(context.Cause(ctx), errTokenExpired) {
				return status.Error(codes.Unauthenticated, "token_expired")
			}
			return status.FromContextError(ctx.Err()).Err()
		case <-revoked:
			return status.Error(codes.PermissionDenied, "token_revoked")
		case pos := <-positions:
			if err := stream.Send(pos); err != nil {
				return err
			}
			if pos.GetState() == "dropped_off" {
				return nil
			}
		}
	}
}

func (s *Server) WatchSurge(req *dispatchv1.SurgeRequest, stream dispatchv1.Dispatch_WatchSurgeServer) error {
	if _, ok := auth.FromContext(stream.Context()); !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	updates, unsubscribe := s.Index.SubscribeSurge(req.GetCity())
	defer unsubscribe()
	heartbeat := time.NewTicker(15 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case u := <-updates:
			if err := stream.Send(u); err != nil {
				return err
			}
		case <-heartbeat.C:
			if err := stream.Send(&dispatchv1.SurgeUpdate{City: req.GetCity()}); err != nil {
				return err
			}
		}
	}
}

func errMsg(code, msg string) *dispatchv1.DispatchMessage {
	return &dispatchv1.DispatchMessage{Body: &dispatchv1.DispatchMessage_Error{Error: &dispatchv1.Error{Code: code, Message: msg}}}
}

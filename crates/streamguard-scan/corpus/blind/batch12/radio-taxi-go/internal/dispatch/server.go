package dispatch

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	taxiv1 "github.com/cabco/radio-taxi/gen/taxi/v1"
	"github.com/cabco/radio-taxi/internal/auth"
	"github.com/cabco/radio-taxi/internal/geo"
)

type Server struct {
	taxiv1.UnimplementedDispatchServer
	DB       *pgxpool.Pool
	Geo      *geo.Index
	Bookings BookingClient
}

type BookingClient interface {
	Accept(ctx context.Context, bookingID, driverID string) (pickup string, etaS uint32, err error)
	Complete(ctx context.Context, bookingID string, fareCents uint32) error
	NextOffer(ctx context.Context, driverID string) (*taxiv1.DispatchOffer, error)
}

// DriverLink is held open by the driver app for the whole shift.
func (s *Server) DriverLink(stream taxiv1.Dispatch_DriverLinkServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || claims.Role != "driver" {
		return status.Error(codes.PermissionDenied, "drivers only")
	}
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	hello := first.GetHello()
	if hello == nil || hello.DriverId != claims.DriverID {
		return status.Error(codes.PermissionDenied, "hello must name the token's driver")
	}

	limiter := rate.NewLimiter(rate.Every(time.Second), 5)
	var mu sync.Mutex
	var last *taxiv1.Position

	go func() {
		t := time.NewTicker(3 * time.Second)
		defer t.Stop()
		for range t.C {
			mu.Lock()
			p := last
			mu.Unlock()
			if p != nil {
				_ = s.Geo.Push(context.Background(), hello.CabId, p.Lat, p.Lng)
			}
		}
	}()

	for {
		ev, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "too many events")
		}
		switch k := ev.Kind.(type) {
		case *taxiv1.DriverEvent_Position:
			mu.Lock()
			last = k.Position
			mu.Unlock()
		case *taxiv1.DriverEvent_Accept:
			pickup, eta, err := s.Bookings.Accept(ctx, k.Accept.BookingId, k.Accept.DriverId)
			if err != nil {
				return err
			}
			if err := stream.Send(&taxiv1.DispatchOffer{BookingId: k.Accept.BookingId, Pickup: pickup, EtaS: eta, Status: "ACCEPTED"}); err != nil {
				return err
			}
		case *taxiv1.DriverEvent_Complete:
			if err := s.Bookings.Complete(ctx, k.Complete.BookingId, k.Complete.FareCents); err != nil {
				return err
			}
			offer, err := s.Bookings.NextOffer(ctx, claims.DriverID)
			if err == nil && offer != nil {
				if err := stream.Send(offer); err != nil {
					return err
				}
			}
		}
	}
}

// WatchZone feeds the control-room wallboard.
func (s *Server) WatchZone(req *taxiv1.WatchZoneRequest, stream taxiv1.Dispatch_WatchZoneServer) error {
	ctx := stream.Context()
	claims, _ := auth.FromContext(ctx)
	if claims == nil || claims.Role != "dispatcher" || !contains(claims.Zones, req.ZoneId) {
		return status.Error(codes.PermissionDenied, "zone not permitted")
	}
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			free, waiting, err := s.Geo.Zone(ctx, req.ZoneId)
			if err != nil {
				return status.Error(codes.Unavailable, err.Error())
			}
			if err := stream.Send(&taxiv1.ZoneStatus{ZoneId: req.ZoneId, FreeCabs: free, Waiting: waiting, AtUnix: time.Now().Unix()}); err != nil {
				return err
			}
		}
	}
}

// TripHistory streams a driver's past trips (finite).
func (s *Server) TripHistory(req *taxiv1.TripHistoryRequest, stream taxiv1.Dispatch_TripHistoryServer) error {
	claims, _ := auth.FromContext(stream.Context())
	if claims == nil || (claims.DriverID != req.DriverId && claims.Role != "dispatcher") {
		return status.Error(codes.PermissionDenied, "not your trips")
	}
	rows, err := s.DB.Query(context.Background(),
		`SELECT booking_id, pickup, dropoff, fare_cents, extract(epoch from completed_at)::bigint
		   FROM trips WHERE driver_id = $1 AND completed_at >= to_timestamp($2) ORDER BY completed_at`,
		req.DriverId, req.SinceUnix)
	if err != nil {
		return status.Error(codes.Unavailable, err.Error())
	}
	defer rows.Close()
	for rows.Next() {
		t := &taxiv1.Trip{}
		if err := rows.Scan(&t.BookingId, &t.Pickup, &t.Dropoff, &t.FareCents, &t.AtUnix); err != nil {
			return err
		}
		if err := stream.Send(t); err != nil {
			return err
		}
	}
	return rows.Err()
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

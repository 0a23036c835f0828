package dispatch

import (
	"errors"
	"io"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	cadv1 "git.regionems.org/cad/cad-platform/gen/cad/v1"
	"git.regionems.org/cad/cad-platform/internal/authn"
)

func (s *Server) CrewTerminal(stream cadv1.Dispatch_CrewTerminalServer) error {
	claims := authn.FromContext(stream.Context())
	if claims == nil || claims.Role != "crew" {
		return status.Error(codes.PermissionDenied, "crew token required")
	}
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	hello := first.GetHello()
	if hello == nil || hello.GetUnitId() != claims.Unit {
		return status.Error(codes.PermissionDenied, "terminal not signed on to this unit")
	}
	unit := hello.GetUnitId()

	// Keep the unit green on the board while its terminal is connected.
	go func() {
		t := time.NewTicker(10 * time.Second)
		for range t.C {
			s.Board.MarkAlive(unit)
		}
	}()

	go func() {
		for a := range s.Board.Assignments(unit) {
			if err := stream.Send(&cadv1.Assignment{IncidentId: a.ID, Address: a.Address, Priority: a.Priority}); err != nil {
				return
			}
		}
	}()

	limiter := rate.NewLimiter(rate.Every(time.Second), 5)
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		st := msg.GetStatus()
		if st == nil {
			continue
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "too many status updates")
		}
		if !s.Board.SetStatus(st.GetIncidentId(), unit, st.GetStatus()) {
			return status.Errorf(codes.NotFound, "incident %s", st.GetIncidentId())
		}
	}
}

package wells

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/offshore/drilling/internal/rigauth"
	"example.com/offshore/drilling/internal/witsml"
	"example.com/offshore/drilling/pb"
)

// The edge box samples at 10 Hz; more than this in one second means a replay storm.
const maxSamplesPerSecond = 50

type Server struct {
	pb.UnimplementedDrillingServer
	Store    *witsml.Client
	Limiters *rigauth.SubjectLimiters
}

// CheckConsoleCommand runs in the guard's RecvMsg for every DrillerConsole message.
func CheckConsoleCommand(c *rigauth.Claims, m any) error {
	cmd := m.(*pb.ConsoleCommand)
	if c.Role != "driller" || !c.HasWell(cmd.GetWellId()) {
		return status.Errorf(codes.PermissionDenied, "not allowed on well %s", cmd.GetWellId())
	}
	return nil
}

func (s *Server) WatchWell(req *pb.WatchWellRequest, stream grpc.ServerStreamingServer[pb.DrillingParams]) error {
	claims := rigauth.FromContext(stream.Context())
	if !claims.HasWell(req.GetWellId()) {
		return status.Error(codes.PermissionDenied, "well not allowed")
	}
	var last int64
	for {
		select {
		case <-stream.Context().Done():
			return stream.Context().Err()
		case <-time.After(time.Second):
		}
		// the WITSML bridge is slow under load; give every read its own budget
		rctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		p, err := s.Store.Latest(rctx, req.GetWellId())
		cancel()
		if err != nil || p.UnixMs == last {
			continue
		}
		last = p.UnixMs
		if err := stream.Send(&pb.DrillingParams{WellId: req.GetWellId(), BitDepthM: p.BitDepth, WobKn: p.WOB, Rpm: p.RPM,
			SppBar: p.SPP, RopMH: p.ROP, UnixMs: p.UnixMs}); err != nil {
			return err
		}
	}
}

func (s *Server) DrillerConsole(stream grpc.BidiStreamingServer[pb.ConsoleCommand, pb.ConsoleEvent]) error {
	ctx := stream.Context()
	claims := rigauth.FromContext(ctx)
	lim := s.Limiters.For(claims.Subject)
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !lim.Allow() {
			return status.Error(codes.ResourceExhausted, "rate_limit_exceeded")
		}
		applied, err := s.Store.SetPoint(ctx, cmd.GetWellId(), cmd.GetParameter(), cmd.GetValue())
		ev := &pb.ConsoleEvent{RequestId: cmd.GetRequestId(), Status: "OK", Applied: applied}
		if err != nil {
			ev.Status = "REJECTED"
		}
		if err := stream.Send(ev); err != nil {
			return err
		}
	}
}

func (s *Server) StreamSurveyTelemetry(stream grpc.ClientStreamingServer[pb.SurveySample, pb.TelemetrySummary]) error {
	ctx := stream.Context()
	claims := rigauth.FromContext(ctx)
	if claims.Role != "edge" {
		return status.Error(codes.PermissionDenied, "rig edge only")
	}
	var stored uint64
	windowStart, inWindow := time.Now(), 0
	for {
		smp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&pb.TelemetrySummary{Stored: stored})
		}
		if err != nil {
			return err
		}
		if now := time.Now(); now.Sub(windowStart) >= time.Second {
			windowStart, inWindow = now, 0
		}
		inWindow++
		if inWindow > maxSamplesPerSecond {
			return status.Error(codes.ResourceExhausted, "too many samples per second")
		}
		if !claims.HasWell(smp.GetWellId()) {
			continue
		}
		if err := s.Store.Append(ctx, smp.GetWellId(), smp); err != nil {
			return status.Error(codes.Unavailable, "store")
		}
		stored++
	}
}

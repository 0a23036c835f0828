package cabinet

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"gitlab.city.example/its/traffic-signals/gen/trafficv1"
	"gitlab.city.example/its/traffic-signals/internal/auth"
	"gitlab.city.example/its/traffic-signals/internal/store"
)

type Bridge struct {
	trafficv1.UnimplementedCabinetServer
	Secret []byte
	Store  *store.Store
	Timing trafficv1.TimingClient
	Log    *slog.Logger
}

func (b *Bridge) ControllerLink(stream trafficv1.Cabinet_ControllerLinkServer) error {
	ctx := stream.Context()
	md, _ := metadata.FromIncomingContext(ctx)
	raw := md.Get("x-cabinet-token")
	if len(raw) == 0 {
		return status.Error(codes.Unauthenticated, "missing cabinet token")
	}
	tok, err := auth.VerifyCabinetToken(b.Secret, raw[0], time.Now())
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}

	// Controllers report at 10 Hz at most; anything faster is a misbehaving unit.
	limiter := rate.NewLimiter(rate.Limit(10), 20)
	helloSeen := false

	for {
		frame, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "report rate exceeded")
		}
		switch f := frame.GetFrame().(type) {
		case *trafficv1.ControllerFrame_Hello:
			if f.Hello.GetIntersectionId() != tok.Intersection || f.Hello.GetControllerId() != tok.Controller {
				return status.Error(codes.PermissionDenied, "token does not match cabinet")
			}
			helloSeen = true
			if id, plan, err := b.Store.PendingPlan(ctx, tok.Intersection); err == nil {
				if err := stream.Send(&trafficv1.BridgeFrame{Kind: "plan", PlanId: id, Plan: plan}); err != nil {
					return err
				}
			}
		case *trafficv1.ControllerFrame_Phase:
			if !helloSeen {
				return status.Error(codes.FailedPrecondition, "hello first")
			}
			p := f.Phase
			if err := b.Store.RecordPhase(ctx, p.GetIntersectionId(), store.State{Phase: p.GetPhase(),
				Detectors: p.GetDetectorsOccupied(), Mode: p.GetMode(), UnixMs: p.GetUnixMs()}); err != nil {
				b.Log.Warn("record phase", "err", err)
			}
		case *trafficv1.ControllerFrame_Applied:
			if !helloSeen {
				return status.Error(codes.FailedPrecondition, "hello first")
			}
			applied := f.Applied
			go func() {
				actx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				if _, err := b.Timing.AckPlanApplied(actx, applied); err != nil {
					b.Log.Error("ack plan", "plan", applied.GetPlanId(), "err", err)
				}
			}()
		}
	}
}

// Package gatecontrol implements parking.v1.GateControl for one site.
package gatecontrol

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"

	parkingv1 "github.com/parkwise/occupancy/gen/parking/v1"
	"github.com/parkwise/occupancy/internal/apikeys"
	"github.com/parkwise/occupancy/internal/devicetoken"
	"github.com/parkwise/occupancy/internal/garages"
)

// barrierTimeout: a barrier motor cycle takes about 2 s.
const barrierTimeout = 3 * time.Second

type Service struct {
	parkingv1.UnimplementedGateControlServer

	Log        *slog.Logger
	Secret     []byte
	Keys       *apikeys.Store
	Repo       *garages.Repo
	Barrier    *Barrier
	LaneGarage map[string]string

	mu       sync.Mutex
	commands map[string]*window // per remote address
}

type window struct {
	start time.Time
	n     int
}

// allow: at most 10 commands per 10 s from one operator console.
func (s *Service) allow(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.commands == nil {
		s.commands = map[string]*window{}
	}
	w := s.commands[addr]
	now := time.Now()
	if w == nil || now.Sub(w.start) > 10*time.Second {
		w = &window{start: now}
		s.commands[addr] = w
	}
	w.n++
	return w.n <= 10
}

func bearer(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	if v := md.Get("authorization"); len(v) == 1 && strings.HasPrefix(v[0], "Device ") {
		return strings.TrimPrefix(v[0], "Device ")
	}
	return ""
}

// GateEvents: each lane controller opens one stream at boot and reports
// every entry and exit on it.
func (s *Service) GateEvents(stream parkingv1.GateControl_GateEventsServer) error {
	ctx := stream.Context()
	dev, err := devicetoken.Verify(s.Secret, bearer(ctx), time.Now())
	if err != nil {
		return status.Error(codes.Unauthenticated, err.Error())
	}
	var n uint32
	for {
		ev, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&parkingv1.GateSummary{Events: n})
		}
		if err != nil {
			return err
		}
		if err := s.Repo.Record(ctx, dev.LaneID, ev.Kind, ev.Plate, ev.TicketId, time.UnixMilli(ev.UnixMs)); err != nil {
			s.Log.Error("record gate event", "lane", dev.LaneID, "err", err)
			return status.Error(codes.Unavailable, "event store unavailable")
		}
		n++
	}
}

// ControlLane: operator consoles send barrier commands. The API key is looked
// up again for every command so that a disabled key stops at once.
func (s *Service) ControlLane(stream parkingv1.GateControl_ControlLaneServer) error {
	ctx := stream.Context()
	raw := apikeys.RawFromMetadata(ctx)
	addr := "unknown"
	if p, ok := peer.FromContext(ctx); ok {
		addr = p.Addr.String()
	}
	for {
		cmd, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		key := s.Keys.Lookup(raw)
		if key == nil {
			return status.Error(codes.Unauthenticated, "unknown or disabled API key")
		}
		res := &parkingv1.LaneStatus{RequestId: cmd.RequestId, LaneId: cmd.LaneId}
		switch {
		case !s.allow(addr):
			res.Error = "RESOURCE_EXHAUSTED"
		case !key.CanOpen || !key.Covers(cmd.GarageId) || s.LaneGarage[cmd.LaneId] != cmd.GarageId:
			res.Error = "PERMISSION_DENIED"
		default:
			res.Ok, res.State = true, "PENDING"
			go func(lane, action, op string) {
				bctx, cancel := context.WithTimeout(context.Background(), barrierTimeout)
				defer cancel()
				state, err := s.Barrier.Do(bctx, lane, action)
				if err != nil {
					s.Log.Error("barrier command failed", "lane", lane, "action", action, "operator", op, "err", err)
					return
				}
				s.Log.Info("barrier", "lane", lane, "action", action, "state", state, "operator", op)
			}(cmd.LaneId, cmd.Action, key.Operator)
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

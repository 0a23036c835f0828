package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "lobby.arcadia.gg/platform/lobbypb"
	"lobby.arcadia.gg/platform/pkg/rooms"
	"lobby.arcadia.gg/platform/pkg/session"
)

type lobbyServer struct {
	pb.UnimplementedLobbyServer
	rooms *rooms.Registry
	bans  *session.Bans
}

func (l *lobbyServer) Play(stream grpc.BidiStreamingServer[pb.PlayerAction, pb.GameEvent]) error {
	ticket, ok := session.FromContext(stream.Context())
	if !ok {
		return status.Error(codes.Unauthenticated, "no session")
	}
	limiter := rate.NewLimiter(20, 40)
	out := make(chan *pb.GameEvent, 64)
	joined := map[string]bool{}
	defer func() {
		for room := range joined {
			l.rooms.Leave(room, ticket.Player)
		}
	}()

	go func() {
		for ev := range out {
			if stream.Send(ev) != nil {
				return
			}
		}
	}()
	defer close(out)

	for {
		act, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "slow down: more than 20 actions per second")
		}
		switch k := act.Kind.(type) {
		case *pb.PlayerAction_Join:
			if !ticket.MayEnter(act.GetRoomId()) {
				out <- &pb.GameEvent{RoomId: act.GetRoomId(), Kind: "error", Payload: "ticket does not cover room"}
				continue
			}
			if !l.rooms.Enter(act.GetRoomId(), ticket.Player, out) {
				out <- &pb.GameEvent{RoomId: act.GetRoomId(), Kind: "error", Payload: "room full"}
				continue
			}
			joined[act.GetRoomId()] = true
			l.rooms.Broadcast(act.GetRoomId(), &pb.GameEvent{RoomId: act.GetRoomId(), PlayerId: ticket.Player, Kind: "joined"})
		case *pb.PlayerAction_Move:
			l.rooms.Broadcast(act.GetRoomId(), &pb.GameEvent{RoomId: act.GetRoomId(), PlayerId: ticket.Player, Kind: "move", Payload: fmt.Sprintf("%.2f,%.2f", k.Move.X, k.Move.Y)})
		case *pb.PlayerAction_Chat:
			l.rooms.Broadcast(act.GetRoomId(), &pb.GameEvent{RoomId: act.GetRoomId(), PlayerId: ticket.Player, Kind: "chat", Payload: k.Chat.Text})
		case *pb.PlayerAction_Leave:
			l.rooms.Leave(act.GetRoomId(), ticket.Player)
			delete(joined, act.GetRoomId())
		}
	}
}

func (l *lobbyServer) WatchLobby(req *pb.WatchLobbyRequest, stream grpc.ServerStreamingServer[pb.LobbyState]) error {
	ticket, ok := session.FromContext(stream.Context())
	if !ok {
		return status.Error(codes.Unauthenticated, "no session")
	}
	ctx, cancel := context.WithDeadlineCause(stream.Context(), ticket.Expiry, status.Error(codes.Unauthenticated, "ticket_expired"))
	defer cancel()
	banned := l.bans.Banned(ticket.Player)
	tick := time.NewTicker(3 * time.Second)
	defer tick.Stop()
	for {
		if err := stream.Send(l.rooms.Snapshot(req.GetRegion())); err != nil {
			return err
		}
		select {
		case <-banned:
			return status.Error(codes.PermissionDenied, "player_banned")
		case <-ctx.Done():
			if cause := context.Cause(ctx); cause != nil && status.Code(cause) == codes.Unauthenticated {
				return cause
			}
			return ctx.Err()
		case <-tick.C:
		}
	}
}

package main

import (
	"errors"
	"io"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/northwind/chat/chatpb"
)

type chatServer struct {
	chatpb.UnimplementedChatServer
	hub  *hub
	auth *authenticator
}

func systemEvent(room, text string) *chatpb.ServerEvent {
	return &chatpb.ServerEvent{Room: room, Text: text, System: true, AtUnixMs: time.Now().UnixMilli()}
}

func (s *chatServer) Connect(stream chatpb.Chat_ConnectServer) error {
	u, err := s.auth.userFromContext(stream.Context())
	if err != nil {
		return status.Error(codes.Unauthenticated, "login required")
	}

	first, err := stream.Recv()
	if err != nil {
		return err
	}
	join := first.GetJoin()
	if join == nil {
		return status.Error(codes.InvalidArgument, "first message must be a join")
	}
	if !u.MemberOf(join.GetRoom()) {
		return status.Errorf(codes.PermissionDenied, "not a member of %q", join.GetRoom())
	}

	c := s.hub.add(stream, u.Name, join.GetRoom())
	defer s.hub.remove(stream)

	go func() {
		for ev := range c.out {
			if err := stream.Send(ev); err != nil {
				return
			}
		}
	}()
	s.hub.broadcast(join.GetRoom(), systemEvent(join.GetRoom(), u.Name+" joined"))

	limiter := rate.NewLimiter(rate.Every(200*time.Millisecond), 10)
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch p := msg.GetPayload().(type) {
		case *chatpb.ClientMessage_Post:
			if !limiter.Allow() {
				return status.Error(codes.ResourceExhausted, "slow down")
			}
			room := p.Post.GetRoom()
			if room == "" {
				room = c.room
			}
			s.hub.broadcast(room, &chatpb.ServerEvent{
				Room: room, From: u.Name, Text: p.Post.GetText(), AtUnixMs: time.Now().UnixMilli(),
			})
		case *chatpb.ClientMessage_Leave:
			s.hub.broadcast(c.room, systemEvent(c.room, u.Name+" left"))
			return nil
		}
	}
}

func (s *chatServer) History(req *chatpb.HistoryRequest, stream chatpb.Chat_HistoryServer) error {
	u, err := s.auth.userFromContext(stream.Context())
	if err != nil {
		return status.Error(codes.Unauthenticated, "login required")
	}
	if !u.MemberOf(req.GetRoom()) {
		return status.Error(codes.PermissionDenied, "not a member")
	}
	limit := int(req.GetLimit())
	if limit <= 0 || limit > historySize {
		limit = 50
	}
	for _, ev := range s.hub.recent(req.GetRoom(), limit) {
		if err := stream.Send(ev); err != nil {
			return err
		}
	}
	return nil
}

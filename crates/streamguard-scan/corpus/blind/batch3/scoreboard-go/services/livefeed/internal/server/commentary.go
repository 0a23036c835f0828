package server

import (
	"errors"
	"io"
	"time"

	"github.com/playbook/livefeed/api/livefeedpb"
	"github.com/playbook/livefeed/internal/auth"
	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type line struct {
	MatchID string `json:"match_id"`
	Minute  int32  `json:"minute"`
	Text    string `json:"text"`
	Author  string `json:"author"`
	At      int64  `json:"at"`
}

func (s *Server) Commentary(stream livefeedpb.LiveFeed_CommentaryServer) error {
	ctx := stream.Context()
	claims, ok := auth.FromContext(ctx)
	if !ok || claims.Role != "commentator" {
		return status.Error(codes.PermissionDenied, "commentators only")
	}

	first, err := stream.Recv()
	if err != nil {
		return err
	}
	hello := first.GetHello()
	if hello == nil {
		return status.Error(codes.InvalidArgument, "first message must be hello")
	}
	if !claims.CoversMatch(hello.GetMatchId()) {
		return status.Errorf(codes.PermissionDenied, "not assigned to match %s", hello.GetMatchId())
	}

	limiter := rate.NewLimiter(rate.Every(2*time.Second), 5)
	var seq uint64
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		l := msg.GetLine()
		if l == nil {
			continue
		}
		if !limiter.Allow() {
			if err := stream.Send(&livefeedpb.CommentaryAck{MatchId: l.GetMatchId(), Error: "slow down"}); err != nil {
				return err
			}
			continue
		}
		seq++
		err = s.feed.Publish(ctx, "commentary:"+l.GetMatchId(), line{
			MatchID: l.GetMatchId(),
			Minute:  l.GetMinute(),
			Text:    l.GetText(),
			Author:  claims.Subject,
			At:      time.Now().UnixMilli(),
		})
		ack := &livefeedpb.CommentaryAck{MatchId: l.GetMatchId(), Seq: seq}
		if err != nil {
			ack.Error = "publish failed"
		}
		if err := stream.Send(ack); err != nil {
			return err
		}
	}
}

// Package skier serves a signed-in skier's personal feed.
package skier

import (
	"context"
	"encoding/json"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"git.alpenpeak.example/resort/internal/authn"
	pb "git.alpenpeak.example/resort/internal/gen/resortv1"
	"git.alpenpeak.example/resort/internal/photos"
)

type Feed struct {
	Redis  *redis.Client
	Photos *photos.Client
}

type rawEvent struct {
	Kind      string `json:"kind"`
	LiftID    string `json:"lift_id"`
	PhotoID   string `json:"photo_id"`
	VerticalM uint32 `json:"vertical_m"`
	Ts        int64  `json:"ts"`
}

func (f *Feed) SkierFeed(_ *pb.SkierFeedRequest, stream pb.Resort_SkierFeedServer) error {
	ctx := stream.Context()
	sk, ok := authn.SkierFrom(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "sign in required")
	}
	sub := f.Redis.Subscribe(ctx, "skier:"+sk.PassUID)
	defer sub.Close()
	ch := sub.Channel()
	for {
		select {
		case <-ctx.Done():
			return nil
		case m, ok := <-ch:
			if !ok {
				return status.Error(codes.Unavailable, "feed closed")
			}
			var ev rawEvent
			if json.Unmarshal([]byte(m.Payload), &ev) != nil {
				continue
			}
			out := &pb.SkierEvent{Kind: ev.Kind, LiftId: ev.LiftID, VerticalM: ev.VerticalM, Ts: ev.Ts}
			if ev.PhotoID != "" {
				out.PhotoUrl = f.signPhoto(ctx, ev.PhotoID)
			}
			if err := stream.Send(out); err != nil {
				return err
			}
		}
	}
}

func (f *Feed) signPhoto(ctx context.Context, id string) string {
	u, err := f.Photos.Sign(ctx, id)
	if err != nil {
		return ""
	}
	return u
}

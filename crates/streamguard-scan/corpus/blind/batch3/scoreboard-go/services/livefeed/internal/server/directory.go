package server

import (
	"context"
	"encoding/json"

	"github.com/playbook/livefeed/api/livefeedpb"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type redisDirectory struct {
	rdb *redis.Client
}

func NewRedisDirectory(opt *redis.Options) MatchDirectory {
	return &redisDirectory{rdb: redis.NewClient(opt)}
}

func (d *redisDirectory) Get(ctx context.Context, id string) (*livefeedpb.Match, error) {
	raw, err := d.rdb.Get(ctx, "match:"+id+":state").Bytes()
	if err == redis.Nil {
		return nil, status.Error(codes.NotFound, "unknown match")
	}
	if err != nil {
		return nil, status.Error(codes.Unavailable, err.Error())
	}
	var m struct {
		Home, Away, Status string
		HomeScore          int32 `json:"home_score"`
		AwayScore          int32 `json:"away_score"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, status.Error(codes.Internal, "corrupt match state")
	}
	return &livefeedpb.Match{MatchId: id, Home: m.Home, Away: m.Away, HomeScore: m.HomeScore, AwayScore: m.AwayScore, Status: m.Status}, nil
}

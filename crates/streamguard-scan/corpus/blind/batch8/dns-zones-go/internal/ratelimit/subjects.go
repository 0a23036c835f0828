package ratelimit

import (
	"context"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Subjects limits change sets per token subject across all zoned instances.
type Subjects struct {
	limiter *redis_rate.Limiter
	limit   redis_rate.Limit
}

func NewSubjects(rdb *redis.Client, perMinute int) *Subjects {
	return &Subjects{limiter: redis_rate.NewLimiter(rdb), limit: redis_rate.PerMinute(perMinute)}
}

func (s *Subjects) Allow(ctx context.Context, subject string) error {
	res, err := s.limiter.Allow(ctx, "zones:changes:"+subject, s.limit)
	if err != nil {
		return status.Error(codes.Unavailable, "rate limiter unavailable")
	}
	if res.Allowed == 0 {
		return status.Errorf(codes.ResourceExhausted, "rate_limit_exceeded; retry in %s", res.RetryAfter)
	}
	return nil
}

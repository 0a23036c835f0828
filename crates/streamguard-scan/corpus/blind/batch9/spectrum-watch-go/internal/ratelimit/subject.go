// Package ratelimit limits messages per token subject across all streams and replicas.
package ratelimit

import (
	"context"
	"fmt"

	"github.com/go-redis/redis_rate/v10"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type PerSubject struct {
	Limiter *redis_rate.Limiter
	Limit   redis_rate.Limit
}

func (p *PerSubject) Allow(ctx context.Context, subject string) error {
	res, err := p.Limiter.Allow(ctx, "spectrum:msg:"+subject, p.Limit)
	if err != nil {
		return status.Errorf(codes.Unavailable, "rate limiter: %v", err)
	}
	if res.Allowed == 0 {
		return status.Error(codes.ResourceExhausted, fmt.Sprintf("rate_limit_exceeded; retry in %s", res.RetryAfter))
	}
	return nil
}

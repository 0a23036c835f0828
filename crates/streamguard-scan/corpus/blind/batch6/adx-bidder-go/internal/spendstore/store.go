// Package spendstore reads campaign spend counters from Redis.
package spendstore

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

type Store struct{ R *redis.Client }

type Spend struct {
	Spent, Budget int64
	Seat          string
}

func (s *Store) Get(ctx context.Context, campaign string) (*Spend, error) {
	vals, err := s.R.HMGet(ctx, "campaign:"+campaign, "spent", "budget", "seat").Result()
	if err != nil {
		return nil, err
	}
	if vals[2] == nil {
		return nil, fmt.Errorf("campaign %s not found", campaign)
	}
	var sp Spend
	fmt.Sscan(fmt.Sprint(vals[0]), &sp.Spent)
	fmt.Sscan(fmt.Sprint(vals[1]), &sp.Budget)
	sp.Seat = fmt.Sprint(vals[2])
	return &sp, nil
}

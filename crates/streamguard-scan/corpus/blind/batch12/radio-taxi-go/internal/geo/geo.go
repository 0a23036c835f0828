// Package geo pushes cab positions to the geo index (Redis GEO) and reads
// zone counters.
package geo

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

type Index struct{ R *redis.Client }

func (g *Index) Push(ctx context.Context, cabID string, lat, lng float64) error {
	return g.R.GeoAdd(ctx, "cabs:positions", &redis.GeoLocation{Name: cabID, Latitude: lat, Longitude: lng}).Err()
}

func (g *Index) Zone(ctx context.Context, zoneID string) (free, waiting uint32, err error) {
	vals, err := g.R.HMGet(ctx, fmt.Sprintf("zone:%s", zoneID), "free", "waiting").Result()
	if err != nil {
		return 0, 0, err
	}
	var f, w uint32
	fmt.Sscan(fmt.Sprint(vals[0]), &f)
	fmt.Sscan(fmt.Sprint(vals[1]), &w)
	return f, w, nil
}

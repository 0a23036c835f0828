// Package historian reads zone and point values from the time-series historian.
package historian

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type Client struct{ Pool *pgxpool.Pool }

type ZoneSample struct {
	TempC, SetpointC, CO2 float64
	Mode                  string
	Ts                    int64
}

func (c *Client) LatestZone(ctx context.Context, zoneID string) (ZoneSample, error) {
	var s ZoneSample
	err := c.Pool.QueryRow(ctx,
		`SELECT temp_c, setpoint_c, co2_ppm, mode, extract(epoch from ts)::bigint FROM zone_latest WHERE zone_id = $1`,
		zoneID).Scan(&s.TempC, &s.SetpointC, &s.CO2, &s.Mode, &s.Ts)
	return s, err
}

func (c *Client) Trend(ctx context.Context, pointID string, from, to int64, fn func(ts int64, v float64) error) error {
	rows, err := c.Pool.Query(ctx,
		`SELECT extract(epoch from ts)::bigint, value FROM point_values WHERE point_id = $1 AND ts BETWEEN to_timestamp($2) AND to_timestamp($3) ORDER BY ts`,
		pointID, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ts int64
		var v float64
		if err := rows.Scan(&ts, &v); err != nil {
			return err
		}
		if err := fn(ts, v); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (c *Client) InsertPoint(ctx context.Context, controller, point string, v float64, ts int64) error {
	_, err := c.Pool.Exec(ctx, `INSERT INTO point_values (controller_id, point_id, value, ts) VALUES ($1, $2, $3, to_timestamp($4))`,
		controller, point, v, ts)
	return err
}

func (c *Client) BuildingOfZone(ctx context.Context, zoneID string) (string, error) {
	var b string
	err := c.Pool.QueryRow(ctx, `SELECT building_id FROM zones WHERE zone_id = $1`, zoneID).Scan(&b)
	return b, err
}

package main

import (
	"context"
	"database/sql"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"forestry.example/lookout/lookoutpb"
)

type frameStore struct{ db *sql.DB }

func newFrameStore(dsn string) *frameStore {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		panic(err)
	}
	return &frameStore{db: db}
}

// Latest returns the newest frame of every tower in a district; the query runs
// on the stream's context.
func (f *frameStore) Latest(ctx context.Context, district string) ([]*lookoutpb.CameraFrame, error) {
	rows, err := f.db.QueryContext(ctx,
		`SELECT DISTINCT ON (tower_id) tower_id, jpeg_url, bearing_deg, taken_at_ms
		   FROM frames WHERE district = $1 ORDER BY tower_id, taken_at_ms DESC`, district)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*lookoutpb.CameraFrame
	for rows.Next() {
		fr := &lookoutpb.CameraFrame{}
		if err := rows.Scan(&fr.TowerId, &fr.JpegUrl, &fr.BearingDeg, &fr.AtMs); err != nil {
			return nil, err
		}
		out = append(out, fr)
	}
	return out, rows.Err()
}

type classifier struct{ conn *grpc.ClientConn }

func newClassifier(addr string) *classifier {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	return &classifier{conn: conn}
}

func (c *classifier) Detections(ctx context.Context, district string, since time.Time) ([]*lookoutpb.SmokeAlert, error) {
	out := &detectionsReply{}
	err := c.conn.Invoke(ctx, "/smoke.v1.Classifier/Detections", &detectionsRequest{District: district, SinceMs: since.UnixMilli()}, out)
	return out.Alerts, err
}

type detectionsRequest struct {
	District string
	SinceMs  int64
}
type detectionsReply struct{ Alerts []*lookoutpb.SmokeAlert }

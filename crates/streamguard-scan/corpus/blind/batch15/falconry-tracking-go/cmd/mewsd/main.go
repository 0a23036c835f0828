package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"

	"github.com/hawkandhood/mews/internal/birds"
	"github.com/hawkandhood/mews/internal/session"
	"github.com/hawkandhood/mews/internal/tags"
	"github.com/hawkandhood/mews/internal/weather"
	"github.com/hawkandhood/mews/pb"
)

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("MEWS_PG"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("MEWS_REDIS")})

	birdOf := map[string]string{}
	rows, _ := db.Query(ctx, `SELECT tag_id, bird_id FROM birds`)
	for rows.Next() {
		var t, b string
		_ = rows.Scan(&t, &b)
		birdOf[t] = b
	}
	rows.Close()

	srv := grpc.NewServer(grpc.MaxConcurrentStreams(2000))
	pb.RegisterMewsServer(srv, &birds.Server{
		DB: db,
		Sessions: &session.Manager{
			Secret:        []byte(os.Getenv("MEWS_JWT_SECRET")),
			Redis:         rdb,
			MaxLifetime:   45 * time.Minute,
			RecheckPeriod: 60 * time.Second,
		},
		Tags:    tags.NewVerifier(ctx, []byte(os.Getenv("MEWS_TAG_KEY")), rdb),
		Weather: weather.New(os.Getenv("MET_POINT_API")),
		Fixes:   &birds.Hub{BirdOf: func(t string) string { return birdOf[t] }},
	})
	lis, err := net.Listen("tcp", ":7700")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/bridge"
	"github.com/cobaltfm/bms/internal/devicetoken"
	"github.com/cobaltfm/bms/internal/historian"
)

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("HISTORIAN_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAge:      6 * time.Hour,
		MaxConnectionAgeGrace: time.Minute,
		Time:                  time.Minute,
	}))
	bmsv1.RegisterPointIngestServer(s, &bridge.Ingest{
		Tokens:    &devicetoken.Verifier{Secret: []byte(os.Getenv("CONTROLLER_TOKEN_SECRET"))},
		Historian: &historian.Client{Pool: pool},
	})
	lis, err := net.Listen("tcp", ":9091")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.Serve(lis))
}

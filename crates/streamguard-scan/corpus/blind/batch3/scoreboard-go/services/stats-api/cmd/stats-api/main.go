package main

import (
	"context"
	"log"
	"net"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/playbook/stats-api/api/statspb"
	"github.com/playbook/stats-api/internal/handlers"
	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"
)

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("STATS_DATABASE_URL"))
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	defer pool.Close()

	srv := grpc.NewServer()
	statspb.RegisterStatsServer(srv, &handlers.Stats{DB: pool})
	reflection.Register(srv)

	lis, err := net.Listen("tcp", envOr("STATS_LISTEN", ":7444"))
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	log.Fatal(srv.Serve(lis))
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

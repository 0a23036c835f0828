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

	civ1 "forgeline.dev/review/gen/civ1"
	"forgeline.dev/review/internal/ci"
	"forgeline.dev/review/internal/interceptors"
)

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	auth := &ci.RunnerAuth{Secret: []byte(os.Getenv("RUNNER_TOKEN_SECRET"))}
	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(interceptors.RecoverStream(), auth.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      time.Hour,
			MaxConnectionAgeGrace: 2 * time.Minute,
		}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 20 * time.Second, PermitWithoutStream: true}),
	)
	civ1.RegisterCiBridgeServer(srv, &ci.Server{DB: db, Queue: &ci.Queue{DB: db}})
	lis, err := net.Listen("tcp", ":9310")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

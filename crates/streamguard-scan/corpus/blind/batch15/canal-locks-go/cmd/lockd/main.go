package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-redis/redis_rate/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"canaltrust.example/locks/gen/lockspb"
	"canaltrust.example/locks/internal/guard"
	"canaltrust.example/locks/internal/locks"
	"canaltrust.example/locks/internal/plc"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, "https://id.canaltrust.example")
	if err != nil {
		log.Fatal(err)
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	revs, err := guard.NewRevocations(nc)
	if err != nil {
		log.Fatal(err)
	}
	archive, err := pgxpool.New(ctx, os.Getenv("ARCHIVE_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})

	g := &guard.Guard{
		Verifier:    provider.Verifier(&oidc.Config{ClientID: "lockd"}),
		Revocations: revs,
		Limiter:     redis_rate.NewLimiter(rdb),
		PerMinute:   30,
		MaxLifetime: 20 * time.Minute,
		Authorizers: map[string]guard.Authorizer{
			lockspb.Locks_LockConsole_FullMethodName: locks.AuthorizeGateCommand,
		},
	}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(g.Stream),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 15 * time.Second,
		}),
	)
	lockspb.RegisterLocksServer(srv, &locks.Server{
		PLC:     &plc.Client{Base: os.Getenv("SCADA_URL"), HTTP: &http.Client{Timeout: 30 * time.Second}},
		Archive: archive,
	})
	lis, err := net.Listen("tcp", ":7300")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"example.org/bridgeops/spanwatch/internal/limits"
	"example.org/bridgeops/spanwatch/internal/session"
	"example.org/bridgeops/spanwatch/internal/spans"
	"example.org/bridgeops/spanwatch/pkg/bridgepb"
	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, os.Getenv("OIDC_ISSUER"))
	if err != nil {
		log.Fatal(err)
	}
	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}

	guard := &session.Guard{
		Verifier:    provider.Verifier(&oidc.Config{ClientID: "spanwatch"}),
		MaxLifetime: 30 * time.Minute,
		Authorize:   spans.Authorizers(),
		Limiter:     limits.NewPerSubject(20, 40),
	}
	if _, err := guard.ListenRevocations(nc); err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(guard.StreamInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      45 * time.Minute,
			MaxConnectionAgeGrace: 15 * time.Second,
		}),
	)
	bridgepb.RegisterSpanWatchServer(srv, &spans.Service{
		DB:         db,
		CaptureURL: os.Getenv("CAPTURE_URL"),
		HTTP:       &http.Client{Transport: http.DefaultTransport},
	})

	lis, err := net.Listen("tcp", ":50170")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	gatesv1 "example.org/railco/gates/gen/gatesv1"
	"example.org/railco/gates/internal/gates"
	"example.org/railco/gates/internal/guard"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, "https://id.railco.example")
	if err != nil {
		log.Fatal(err)
	}
	g := &guard.Guard{
		Verifier:    provider.Verifier(&oidc.Config{ClientID: "ticket-gates"}),
		MaxLifetime: 30 * time.Minute,
		Authorizers: gates.Authorizers(),
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	if err := g.SubscribeRevocations(nc); err != nil {
		log.Fatal(err)
	}
	pool, err := pgxpool.New(ctx, os.Getenv("GATES_DSN"))
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(g.Stream),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      45 * time.Minute,
			MaxConnectionAgeGrace: 15 * time.Second,
		}),
	)
	gatesv1.RegisterTicketGatesServer(srv, &gates.Server{
		DB: pool, FareEngine: os.Getenv("FARE_ENGINE_URL"), HTTP: &http.Client{}, StatusEvery: 5 * time.Second,
	})
	lis, err := net.Listen("tcp", ":9443")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"

	"example.org/desal/gen/desalpb"
	"example.org/desal/internal/guard"
	"example.org/desal/internal/plant"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, "https://idp.desal-plant.example/realms/ops")
	if err != nil {
		log.Fatal(err)
	}
	g := &guard.Guard{
		Verifier:    provider.Verifier(&oidc.Config{ClientID: "plantd"}),
		MaxLifetime: 20 * time.Minute,
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	if err := g.Subscribe(nc); err != nil {
		log.Fatal(err)
	}
	db, err := sql.Open("pgx", os.Getenv("LAB_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	pumps, err := grpc.NewClient(os.Getenv("PUMP_GATEWAY"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(g.Stream),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionAge: 30 * time.Minute, MaxConnectionAgeGrace: 10 * time.Second}),
	)
	desalpb.RegisterDesalinationServer(srv, &plant.Service{
		Historian: os.Getenv("HISTORIAN_URL"),
		HTTP:      &http.Client{Timeout: 30 * time.Second},
		Dosing:    plant.NewDosingGateway(pumps),
		DB:        db,
	})
	lis, err := net.Listen("tcp", ":7070")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

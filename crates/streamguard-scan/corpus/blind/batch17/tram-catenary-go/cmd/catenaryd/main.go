package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-redis/redis_rate/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/citytram/catenary/gen/catpb"
	"github.com/citytram/catenary/internal/catenary"
	"github.com/citytram/catenary/internal/guard"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, os.Getenv("OIDC_ISSUER"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	g := &guard.Guard{
		Verifier:    provider.Verifier(&oidc.Config{ClientID: "catenary"}),
		Limiter:     redis_rate.NewLimiter(rdb),
		MaxLifetime: 40 * time.Minute,
		Authorizers: map[string]guard.Authorizer{
			"/tram.catenary.v1.Catenary/LinemanConsole": func(p *guard.Principal, m any) error {
				cmd := m.(*catpb.LinemanCommand)
				if !p.May("sections:operate", cmd.GetSectionId()) {
					return guard.Denied(cmd.GetSectionId())
				}
				return nil
			},
		},
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	if err := g.Subscribe(nc); err != nil {
		log.Fatal(err)
	}
	db, err := pgxpool.New(ctx, os.Getenv("CATENARY_PG"))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer(
		grpc.StreamInterceptor(g.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionAge: time.Hour, MaxConnectionAgeGrace: 15 * time.Second}),
	)
	catpb.RegisterCatenaryServer(srv, &catenary.Service{DB: db, DispatchURL: os.Getenv("DISPATCH_URL")})
	lis, err := net.Listen("tcp", ":50210")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

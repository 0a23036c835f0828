package main

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	zonesv1 "git.hostmesh.net/dns/zones/gen/zonesv1"
	"git.hostmesh.net/dns/zones/internal/guard"
	"git.hostmesh.net/dns/zones/internal/ratelimit"
	"git.hostmesh.net/dns/zones/internal/signer"
	"git.hostmesh.net/dns/zones/internal/zones"
)

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatalf("nats: %v", err)
	}
	revs := guard.NewRevocations()
	if err := revs.Follow(nc); err != nil {
		log.Fatalf("revocations: %v", err)
	}
	pub, err := base64.StdEncoding.DecodeString(os.Getenv("ZONES_JWT_ED25519_PUB"))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		log.Fatal("ZONES_JWT_ED25519_PUB must be a base64 Ed25519 public key")
	}
	g := &guard.Guard{
		Verifier: &guard.Verifier{
			Keyfunc:  func(*jwt.Token) (any, error) { return ed25519.PublicKey(pub), nil },
			Audience: "zones-api",
			Issuer:   "https://auth.hostmesh.net/",
		},
		Revocations: revs,
		MaxLifetime: 20 * time.Minute,
		Authorize:   zones.AuthorizeMessage,
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(g.Unary()),
		grpc.ChainStreamInterceptor(g.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionIdle: 10 * time.Minute, Time: time.Minute}),
	)
	zonesv1.RegisterZonesServer(srv, &zones.Service{
		Store:  &zones.Store{DB: db},
		Signer: &signer.Client{URL: os.Getenv("SIGNER_URL"), HTTP: &http.Client{}},
		Limits: ratelimit.NewSubjects(rdb, 120),
	})
	lis, err := net.Listen("tcp", ":8053")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
	"github.com/relaytel/smsgw/internal/auth"
	"github.com/relaytel/smsgw/internal/carrier"
	"github.com/relaytel/smsgw/internal/dlr"
	"github.com/relaytel/smsgw/internal/messaging"
	"github.com/relaytel/smsgw/internal/store"
)

func env(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, env("DATABASE_URL", "postgres://smsgw@localhost/smsgw"))
	if err != nil {
		log.Fatalf("database: %v", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: env("REDIS_ADDR", "localhost:6379")})
	keys := auth.NewKeyStore(db)
	keys.Follow(ctx, rdb)

	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(keys.UnaryInterceptor()),
		grpc.ChainStreamInterceptor(keys.StreamInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 30 * time.Second,
			Time:                  time.Minute,
		}),
	)
	smsv1.RegisterMessagingServer(srv, &messaging.Service{
		Store:   &store.Store{DB: db},
		Carrier: &carrier.Router{BridgeURL: env("SMPP_BRIDGE_URL", "http://smpp-bridge.internal:8080"), Client: &http.Client{}},
		DLR:     dlr.NewBroker(),
	})
	lis, err := net.Listen("tcp", env("SMSGW_LISTEN", ":7070"))
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("smsgw listening on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

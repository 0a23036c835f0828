package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/chipfinder/registry/gen/chippb"
	"github.com/chipfinder/registry/internal/registry"
	"github.com/chipfinder/registry/internal/session"
)

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("REGISTRY_PG"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	svc := &registry.Service{
		DB:          db,
		Sessions:    &session.Manager{Key: []byte(os.Getenv("REGISTRY_JWT_SECRET")), Redis: rdb, RecheckEvery: time.Minute},
		SheltersURL: os.Getenv("SHELTERS_URL"),
		ScannerKeys: func(ctx context.Context, id string) ([]byte, bool) {
			k, err := rdb.Get(ctx, "scanner:key:"+id).Bytes()
			return k, err == nil
		},
	}
	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{Time: 2 * time.Minute, Timeout: 20 * time.Second}))
	chippb.RegisterRegistryServer(srv, svc)
	lis, err := net.Listen("tcp", ":50230")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"log"
	"net"
	"os"
	"time"

	"github.com/northwind/warehouse/gen/inventorypb"
	"github.com/northwind/warehouse/internal/authn"
	"github.com/northwind/warehouse/internal/inventory"
	"github.com/northwind/warehouse/internal/ledger"
	"github.com/northwind/warehouse/internal/lifetime"
	"github.com/northwind/warehouse/internal/ratelimit"
	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	opt, err := redis.ParseURL(os.Getenv("REDIS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	guard := &authn.Guard{Secret: []byte(os.Getenv("INVENTORY_JWT_SECRET")), Redis: redis.NewClient(opt)}
	led, err := ledger.Dial(os.Getenv("LEDGER_TARGET"))
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(lifetime.StreamInterceptor(15*time.Minute), guard.StreamInterceptor),
		grpc.ChainUnaryInterceptor(guard.UnaryInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      20 * time.Minute,
			MaxConnectionAgeGrace: 30 * time.Second,
			MaxConnectionIdle:     5 * time.Minute,
		}),
	)
	inventorypb.RegisterInventoryServer(srv, &inventory.Service{
		Store:   inventory.NewStore(),
		Ledger:  led,
		Limiter: ratelimit.NewPerSubject(rate.Limit(20), 40),
	})

	lis, err := net.Listen("tcp", ":7700")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	pduv1 "github.com/dcops/pdu-power/gen/pdu/v1"
	"github.com/dcops/pdu-power/internal/config"
	"github.com/dcops/pdu-power/internal/guard"
	"github.com/dcops/pdu-power/internal/power"
	"github.com/dcops/pdu-power/internal/snmp"
)

func main() {
	cfg := config.Load()
	raw, err := os.ReadFile(cfg.JWTKeyFile)
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(raw)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	nc, err := nats.Connect(cfg.NatsURL)
	if err != nil {
		log.Fatal(err)
	}
	db, err := pgxpool.New(context.Background(), cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: cfg.RedisAddr})

	g := guard.New(pub, cfg.Issuer, cfg.Audience, cfg.MaxStream, map[string]guard.Authorizer{
		pduv1.PowerDistribution_PowerControl_FullMethodName: power.AuthorizeCommand,
	})
	if _, err := g.SubscribeRevocations(nc); err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(g.Stream),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 10 * time.Second,
		}),
	)
	pduv1.RegisterPowerDistributionServer(srv, &power.Service{
		SNMP:    &snmp.Client{Base: os.Getenv("SNMP_GW_URL"), HTTP: &http.Client{}},
		DB:      db,
		Limiter: redis_rate.NewLimiter(rdb),
		PerMin:  cfg.CommandsPerMin,
		Every:   5 * time.Second,
	})
	lis, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("pdud listening on %s", cfg.Listen)
	log.Fatal(srv.Serve(lis))
}

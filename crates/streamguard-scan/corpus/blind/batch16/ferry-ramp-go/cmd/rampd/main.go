package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"

	rampv1 "git.harbourlines.example/ops/ferry-ramp/gen/rampv1"
	"git.harbourlines.example/ops/ferry-ramp/internal/plcbus"
	"git.harbourlines.example/ops/ferry-ramp/internal/ramp"
	"git.harbourlines.example/ops/ferry-ramp/internal/session"
)

func main() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("RAMP_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	gw, err := grpc.NewClient(os.Getenv("LINKSPAN_GW"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	sessions := &session.Manager{
		Secret:       []byte(os.Getenv("RAMP_JWT_SECRET")),
		Issuer:       "https://sso.harbourlines.example",
		Redis:        redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}),
		RecheckEvery: 60 * time.Second,
	}

	ops := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAge: 30 * time.Minute, MaxConnectionAgeGrace: 20 * time.Second,
	}))
	rampv1.RegisterRampOpsServer(ops, &ramp.Ops{Sessions: sessions, DB: pool, PLC: &plcbus.Client{Conn: gw}})

	caPEM, _ := os.ReadFile("/etc/rampd/plc-ca.pem")
	cas := x509.NewCertPool()
	cas.AppendCertsFromPEM(caPEM)
	cert, err := tls.LoadX509KeyPair("/etc/rampd/tls.crt", "/etc/rampd/tls.key")
	if err != nil {
		log.Fatal(err)
	}
	plc := grpc.NewServer(grpc.Creds(credentials.NewTLS(&tls.Config{
		Certificates: []tls.Certificate{cert}, ClientCAs: cas, ClientAuth: tls.RequireAndVerifyClientCert,
	})))
	rampv1.RegisterPlcUplinkServer(plc, &ramp.Uplink{DB: pool})

	go serve(plc, ":9700")
	serve(ops, ":9443")
}

func serve(s *grpc.Server, addr string) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.Serve(lis))
}

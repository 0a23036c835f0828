package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/oceanlink/cablemon/gen/cablepb"
	"github.com/oceanlink/cablemon/internal/auth"
	"github.com/oceanlink/cablemon/internal/server"
	"github.com/oceanlink/cablemon/internal/station"
	"github.com/oceanlink/cablemon/internal/store"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"
)

func mustKey(path string) *ecdsa.PublicKey {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(raw)
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	return k.(*ecdsa.PublicKey)
}

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	otdrConn, err := grpc.NewClient(os.Getenv("OTDR_AGENT_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}

	verifier := &auth.Verifier{
		Key:      mustKey(os.Getenv("NOC_JWT_KEY")),
		Issuer:   "https://sso.oceanlink.example",
		Audience: "cablemon",
		Skip:     map[string]bool{cablepb.CableMonitor_StreamDTS_FullMethodName: true},
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(verifier.Stream()),
		grpc.ChainUnaryInterceptor(verifier.Unary()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	cablepb.RegisterCableMonitorServer(srv, &server.Monitor{
		Store:    store.New(db),
		Stations: station.NewRegistry(ctx, []byte(os.Getenv("STATION_HMAC_SECRET")), rdb),
		OTDR:     otdrAdapter{otdrConn},
		AlarmURL: os.Getenv("ALARM_URL"),
		HTTP:     &http.Client{},
	})

	lis, err := net.Listen("tcp", ":50160")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("cabled listening on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

type otdrAdapter struct{ cc *grpc.ClientConn }

func (a otdrAdapter) Invoke(ctx any, method string, args, reply any, opts ...grpc.CallOption) error {
	return a.cc.Invoke(ctx.(context.Context), method, args, reply, append(opts, grpc.CallContentSubtype("json"))...)
}

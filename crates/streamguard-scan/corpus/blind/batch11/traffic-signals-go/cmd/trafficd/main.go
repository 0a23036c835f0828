package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"log"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"gitlab.city.example/its/traffic-signals/gen/trafficv1"
	"gitlab.city.example/its/traffic-signals/internal/auth"
	"gitlab.city.example/its/traffic-signals/internal/intersections"
	"gitlab.city.example/its/traffic-signals/internal/store"
)

func main() {
	pemBytes, err := os.ReadFile(os.Getenv("TRAFFICD_JWT_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	pub, err := x509.ParsePKCS1PublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	db, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(auth.StreamLogging(logger), auth.StreamJWT(pub, "trafficd")),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	trafficv1.RegisterSignalsServer(srv, &intersections.Service{Store: &store.Store{DB: db}})

	lis, err := net.Listen("tcp", ":50600")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

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

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/citylabs/air-quality/gen/aqv1"
	"github.com/citylabs/air-quality/internal/archive"
	"github.com/citylabs/air-quality/internal/auth"
	"github.com/citylabs/air-quality/internal/service"
)

func main() {
	pemBytes, err := os.ReadFile(os.Getenv("AQ_JWT_PUBKEY"))
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	v := &auth.Verifier{Key: pub, Issuer: "https://id.city.example/", Audience: "aqd"}

	db, err := pgxpool.New(context.Background(), os.Getenv("AQ_DSN"))
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(auth.LogStream, v.StreamInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              30 * time.Second,
			Timeout:           10 * time.Second,
		}),
	)
	hub := service.NewHub()
	aqv1.RegisterAirQualityServer(srv, &service.AirQuality{
		DB:       db,
		Archive:  &archive.Client{BaseURL: os.Getenv("AQ_ARCHIVE_URL"), HTTP: &http.Client{Timeout: 60 * time.Second}},
		CalibAPI: os.Getenv("AQ_CALIB_API"),
		HTTP:     &http.Client{},
		Hub:      hub,
	})
	go service.RunAggregator(context.Background(), db, hub, time.Minute)

	lis, err := net.Listen("tcp", ":8443")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	alertingv1 "github.com/metrofire/alerting/gen/alertingv1"
	"github.com/metrofire/alerting/internal/auth"
	"github.com/metrofire/alerting/internal/cad"
	"github.com/metrofire/alerting/internal/handlers"
	"github.com/metrofire/alerting/internal/paging"
)

func main() {
	pemBytes, err := os.ReadFile(envOr("ALERTING_JWT_KEY", "/etc/alerting/jwt.pem"))
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	verifier := &auth.Verifier{Key: pub.(*rsa.PublicKey), Issuer: "https://idp.metrofire.example", Audience: "alerting"}

	pool, err := pgxpool.New(context.Background(), envOr("CAD_DSN", "postgres://alerting@cad-db/cad"))
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(auth.LoggingStreamInterceptor, verifier.StreamInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              1 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	alertingv1.RegisterStationAlertingServer(srv, &handlers.Server{
		CAD:       &cad.Store{Pool: pool},
		Pager:     paging.New(envOr("PAGER_URL", "https://pager.county.example/api")),
		PollEvery: 3 * time.Second,
	})

	lis, err := net.Listen("tcp", envOr("ALERTING_LISTEN", ":7443"))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

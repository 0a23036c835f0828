package main

import (
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"gitlab.transitco.example/depot/charging/gen/depotpb"
	"gitlab.transitco.example/depot/charging/internal/charging"
	"gitlab.transitco.example/depot/charging/internal/ems"
	"gitlab.transitco.example/depot/charging/internal/market"
	"gitlab.transitco.example/depot/charging/internal/session"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"
)

func loadKey(path string) *rsa.PublicKey {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	b, _ := pem.Decode(raw)
	k, err := x509.ParsePKIXPublicKey(b.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	return k.(*rsa.PublicKey)
}

func main() {
	cert, err := tls.LoadX509KeyPair(os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	caPEM, _ := os.ReadFile(os.Getenv("CHARGER_CA"))
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	creds := credentials.NewTLS(&tls.Config{
		Certificates: []tls.Certificate{cert},
		ClientCAs:    pool,
		ClientAuth:   tls.VerifyClientCertIfGiven, // chargers present certs, dispatchers use JWTs
	})

	svc := &charging.Service{
		Sessions: &session.Manager{
			Key:          loadKey(os.Getenv("JWT_PUBKEY")),
			Issuer:       "https://sso.transitco.example",
			Redis:        redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}),
			RecheckEvery: 60 * time.Second,
		},
		EMS:    &ems.Client{Base: os.Getenv("EMS_URL"), HTTP: &http.Client{}},
		Market: market.New(os.Getenv("MARKET_URL")),
		Limits: &charging.PeerLimits{},
	}

	srv := grpc.NewServer(
		grpc.Creds(creds),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      2 * time.Hour,
			MaxConnectionAgeGrace: 30 * time.Second,
			Time:                  time.Minute,
		}),
	)
	depotpb.RegisterDepotChargingServer(srv, svc)

	lis, err := net.Listen("tcp", ":50180")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("depotd on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

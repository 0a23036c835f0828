package main

import (
	"context"
	"crypto/ed25519"
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

	"github.com/stmarys-ringers/belltower/gen/bellpb"
	"github.com/stmarys-ringers/belltower/internal/auth"
	"github.com/stmarys-ringers/belltower/internal/store"
	"github.com/stmarys-ringers/belltower/internal/tower"
)

func loadKey(path string) ed25519.PublicKey {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(raw)
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	return k.(ed25519.PublicKey)
}

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("BELLD_PG"))
	if err != nil {
		log.Fatal(err)
	}
	v := &auth.Verifier{Key: loadKey(os.Getenv("BELLD_JWT_KEY")), Issuer: "https://guild.example", Audience: "belld"}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(auth.LoggingInterceptor, v.StreamInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	bellpb.RegisterTowerServer(srv, &tower.Service{
		Store:    &store.Store{Pool: pool},
		Actuator: &tower.Actuator{BaseURL: os.Getenv("BELLD_CONTROLLER"), HTTP: &http.Client{}},
	})

	lis, err := net.Listen("tcp", ":7100")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("belld listening on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

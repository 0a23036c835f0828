package main

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	taxiv1 "github.com/cabco/radio-taxi/gen/taxi/v1"
	"github.com/cabco/radio-taxi/internal/auth"
	"github.com/cabco/radio-taxi/internal/dispatch"
	"github.com/cabco/radio-taxi/internal/geo"
)

func main() {
	key, err := base64.StdEncoding.DecodeString(os.Getenv("DISPATCH_JWT_PUBKEY"))
	if err != nil || len(key) != ed25519.PublicKeySize {
		log.Fatal("DISPATCH_JWT_PUBKEY must be a base64 ed25519 key")
	}
	db, err := pgxpool.New(context.Background(), os.Getenv("DISPATCH_PG"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("DISPATCH_REDIS")})
	v := &auth.Verifier{Key: ed25519.PublicKey(key), Issuer: "https://id.cabco.example", Audience: "dispatch"}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(v.StreamInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 10 * time.Minute,
			Time:              30 * time.Second,
			Timeout:           10 * time.Second,
		}),
	)
	taxiv1.RegisterDispatchServer(srv, &dispatch.Server{
		DB:       db,
		Geo:      &geo.Index{R: rdb},
		Bookings: &dispatch.HTTPBookings{Base: os.Getenv("BOOKINGS_URL"), Client: &http.Client{}},
	})
	lis, err := net.Listen("tcp", ":7070")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("dispatchd on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"crypto/rsa"
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

	reviewv1 "forgeline.dev/review/gen/reviewv1"
	"forgeline.dev/review/internal/gitstore"
	"forgeline.dev/review/internal/interceptors"
	"forgeline.dev/review/internal/mentions"
	"forgeline.dev/review/internal/oauth"
	"forgeline.dev/review/internal/review"
)

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode([]byte(os.Getenv("FORGE_JWT_PUBLIC_KEY")))
	if block == nil {
		log.Fatal("FORGE_JWT_PUBLIC_KEY is not a PEM public key")
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	verifier := &oauth.Verifier{Key: pub.(*rsa.PublicKey), DB: db}

	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(interceptors.RecoverUnary(), verifier.Unary()),
		grpc.ChainStreamInterceptor(interceptors.RecoverStream(), interceptors.LogStream(), verifier.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	reviewv1.RegisterCodeReviewServer(srv, &review.Server{
		DB:       db,
		Git:      &gitstore.Backend{Root: "/srv/git"},
		Mentions: &mentions.Notifier{URL: os.Getenv("NOTIFICATIONS_URL"), HTTP: &http.Client{}},
		Verifier: verifier,
	})
	lis, err := net.Listen("tcp", ":9300")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

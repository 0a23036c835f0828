package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/tillpay/authorizer/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	db, err := pgxpool.New(ctx, os.Getenv("AUTHORIZER_DATABASE_URL"))
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	keys := &KeyStore{}
	if err := keys.Load(ctx, db); err != nil {
		log.Fatalf("keys: %v", err)
	}
	go keys.Refresh(ctx, db, 5*time.Minute)

	creds, err := credentials.NewServerTLSFromFile(os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY"))
	if err != nil {
		log.Fatalf("tls: %v", err)
	}
	srv := grpc.NewServer(grpc.Creds(creds), grpc.MaxConcurrentStreams(1000))
	pb.RegisterAuthorizerServer(srv, &authorizerServer{
		db:     db,
		keys:   keys,
		fraud:  &FraudClient{URL: os.Getenv("FRAUD_URL"), HTTP: &http.Client{}},
		limits: NewVelocityLimits(60),
	})

	lis, err := net.Listen("tcp", ":9443")
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	go func() {
		<-ctx.Done()
		srv.GracefulStop()
	}()
	log.Fatal(srv.Serve(lis))
}

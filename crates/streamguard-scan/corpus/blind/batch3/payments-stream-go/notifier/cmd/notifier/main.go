package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/tillpay/notifier/api/notifypb"
	"github.com/tillpay/notifier/internal/notify"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("NOTIFIER_DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	hub := notify.NewHub()
	store := &notify.Store{DB: db}
	go store.Poll(ctx, hub, 500*time.Millisecond)

	srv := grpc.NewServer(
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 10 * time.Second, PermitWithoutStream: true}),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 30 * time.Second, Timeout: 10 * time.Second}),
	)
	notifypb.RegisterNotifierServer(srv, &notify.Service{Hub: hub, Store: store})

	lis, err := net.Listen("tcp", ":9550")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("notifier listening; %d subscribers", hub.Count())
	log.Fatal(srv.Serve(lis))
}

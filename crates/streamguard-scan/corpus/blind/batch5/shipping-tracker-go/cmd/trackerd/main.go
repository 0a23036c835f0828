package main

import (
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	pb "github.com/parcelnet/tracker/gen/trackingv1"
	"github.com/parcelnet/tracker/internal/auth"
	"github.com/parcelnet/tracker/internal/carrier"
	"github.com/parcelnet/tracker/internal/depot"
	"github.com/parcelnet/tracker/internal/server"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	key, err := base64.StdEncoding.DecodeString(os.Getenv("TRACKER_JWT_PUBKEY"))
	if err != nil || len(key) != ed25519.PublicKeySize {
		log.Error("TRACKER_JWT_PUBKEY must be a base64 Ed25519 public key")
		os.Exit(2)
	}
	db, err := sql.Open("pgx", os.Getenv("TRACKER_DSN"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Error("nats", "err", err)
		os.Exit(1)
	}
	revoked, err := auth.FollowRevocations(nc)
	if err != nil {
		log.Error("revocations", "err", err)
		os.Exit(1)
	}

	v := &auth.Verifier{Key: ed25519.PublicKey(key), Audience: "tracker"}
	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(v.Stream),
		grpc.ChainUnaryInterceptor(v.Unary),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionIdle: 10 * time.Minute, Time: time.Minute}),
	)
	cc := &carrier.Client{BaseURL: os.Getenv("CARRIER_API"), HTTP: &http.Client{}}
	pb.RegisterTrackingServer(srv, server.NewTracking(cc, server.SQLParcels{DB: db}, depot.NewCounters(), revoked, log))

	lis, err := net.Listen("tcp", envOr("TRACKER_ADDR", ":7070"))
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	log.Info("trackerd serving", "addr", lis.Addr().String())
	if err := srv.Serve(lis); err != nil {
		log.Error("serve", "err", err)
	}
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

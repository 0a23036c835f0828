// aisd serves live vessel positions and port events to API customers.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
	portauthv1 "github.com/harbourlabs/ais/gen/portauthv1"
	"github.com/harbourlabs/ais/internal/auth"
	"github.com/harbourlabs/ais/internal/middleware"
	"github.com/harbourlabs/ais/internal/tracks"
	"github.com/harbourlabs/ais/internal/vessels"
)

func main() {
	listen := flag.String("listen", ":7443", "gRPC listen address")
	portsFile := flag.String("ports", "/etc/ais/ports.json", "ports watched for arrivals")
	flag.Parse()
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))

	verifier, err := auth.NewVerifier(os.Getenv("JWT_PUBLIC_KEY"), "https://auth.harbourlabs.io", "ais-api")
	if err != nil {
		log.Error("auth", "err", err)
		os.Exit(1)
	}
	db, err := sql.Open("pgx", os.Getenv("REGISTER_DSN"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})

	var ports []vessels.Port
	raw, err := os.ReadFile(*portsFile)
	if err == nil {
		err = json.Unmarshal(raw, &ports)
	}
	if err != nil {
		log.Error("ports", "err", err)
		os.Exit(1)
	}

	paCreds, err := credentials.NewClientTLSFromFile("/etc/ais/portauthority-ca.pem", "")
	if err != nil {
		log.Error("port authority tls", "err", err)
		os.Exit(1)
	}
	paConn, err := grpc.NewClient(os.Getenv("PORT_AUTHORITY_ADDR"), grpc.WithTransportCredentials(paCreds))
	if err != nil {
		log.Error("port authority", "err", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	hub := tracks.NewHub()
	go hub.Follow(ctx, rdb, log)

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(middleware.StreamRecovery(log), middleware.StreamLogger(log), verifier.StreamInterceptor),
		grpc.ChainUnaryInterceptor(middleware.UnaryLogger(log), verifier.UnaryInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              30 * time.Second,
			Timeout:           10 * time.Second,
		}),
	)
	aisv1.RegisterVesselsServer(srv, vessels.NewServer(hub, vessels.NewRegistry(db), vessels.NewPortWatcher(ports),
		portauthv1.NewPortAuthorityClient(paConn), log))

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		srv.GracefulStop()
	}()
	log.Info("aisd listening", "addr", *listen)
	if err := srv.Serve(lis); err != nil {
		log.Error("serve", "err", err)
	}
}

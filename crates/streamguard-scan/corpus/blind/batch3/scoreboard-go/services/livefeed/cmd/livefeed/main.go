package main

import (
	"context"
	"flag"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/playbook/livefeed/api/livefeedpb"
	"github.com/playbook/livefeed/internal/auth"
	"github.com/playbook/livefeed/internal/server"
	"github.com/playbook/livefeed/internal/statsclient"
	"github.com/playbook/livefeed/internal/store"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
)

func main() {
	addr := flag.String("listen", ":7443", "gRPC listen address")
	redisURL := flag.String("redis", "redis://localhost:6379/0", "redis url")
	statsTarget := flag.String("stats", "stats-api:7444", "stats-api target")
	jwks := flag.String("jwks", "https://id.playbook.tv/.well-known/jwks.json", "JWKS url")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	opt, err := redis.ParseURL(*redisURL)
	if err != nil {
		slog.Error("redis url", "err", err)
		os.Exit(1)
	}
	feed := store.NewFeed(redis.NewClient(opt))

	stats, err := statsclient.Dial(*statsTarget)
	if err != nil {
		slog.Error("stats dial", "err", err)
		os.Exit(1)
	}

	verifier, err := auth.NewVerifier(ctx, *jwks, "https://id.playbook.tv/", "livefeed")
	if err != nil {
		slog.Error("jwks", "err", err)
		os.Exit(1)
	}

	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(verifier.Unary()),
		grpc.ChainStreamInterceptor(verifier.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: time.Minute,
			Time:                  time.Minute,
		}),
	)
	livefeedpb.RegisterLiveFeedServer(srv, server.New(feed, stats, server.NewRedisDirectory(opt)))
	healthpb.RegisterHealthServer(srv, health.NewServer())

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		slog.Error("listen", "err", err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		srv.GracefulStop()
	}()
	slog.Info("livefeed listening", "addr", *addr)
	if err := srv.Serve(lis); err != nil {
		slog.Error("serve", "err", err)
	}
}

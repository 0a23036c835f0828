package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"flag"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
	"github.com/acme/mcp-server/internal/auth"
	"github.com/acme/mcp-server/internal/exec"
	"github.com/acme/mcp-server/internal/server"
)

func main() {
	listen := flag.String("listen", ":50051", "listen address")
	executor := flag.String("executor", "executor:7000", "executor target")
	keyFile := flag.String("jwt-key", "/etc/mcpd/jwt.pem", "RS256 public key (PEM)")
	redisURL := flag.String("redis", "redis://localhost:6379/0", "revocation feed")
	flag.Parse()

	pemBytes, err := os.ReadFile(*keyFile)
	if err != nil {
		slog.Error("read key", "err", err)
		os.Exit(1)
	}
	block, _ := pem.Decode(pemBytes)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		slog.Error("parse key", "err", err)
		os.Exit(1)
	}
	verifier := &auth.Verifier{Key: pub, Issuer: "https://id.acme.dev", Audience: "mcpd"}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	opt, err := redis.ParseURL(*redisURL)
	if err != nil {
		slog.Error("redis url", "err", err)
		os.Exit(1)
	}
	revocations := auth.NewRevocations()
	go revocations.Follow(ctx, redis.NewClient(opt), "mcp:revocations")

	ex, err := exec.Dial(*executor)
	if err != nil {
		slog.Error("executor", "err", err)
		os.Exit(1)
	}
	defer ex.Close()

	s := grpc.NewServer(
		grpc.StreamInterceptor(auth.StreamInterceptor(verifier, revocations)),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      10 * time.Minute,
			MaxConnectionAgeGrace: 30 * time.Second,
			Time:                  time.Minute,
		}),
	)
	mcpv1.RegisterMcpStreamingServer(s, server.New(ex, "/srv/mcp/resources"))
	healthpb.RegisterHealthServer(s, health.NewServer())
	reflection.Register(s)

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		slog.Error("listen", "err", err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		s.GracefulStop()
	}()
	slog.Info("mcpd listening", "addr", *listen)
	if err := s.Serve(lis); err != nil {
		slog.Error("serve", "err", err)
	}
}

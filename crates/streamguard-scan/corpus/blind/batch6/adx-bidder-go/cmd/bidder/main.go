// Command bidder serves the DSP-facing exchange API.
package main

import (
	"crypto/ed25519"
	"encoding/base64"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"

	adxv1 "github.com/lumenads/adx-bidder/gen/adx/v1"
	"github.com/lumenads/adx-bidder/internal/auth"
	"github.com/lumenads/adx-bidder/internal/budget"
	"github.com/lumenads/adx-bidder/internal/exchange"
	"github.com/lumenads/adx-bidder/internal/middleware"
	"github.com/lumenads/adx-bidder/internal/spendstore"
	"github.com/lumenads/adx-bidder/internal/tracker"
)

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	rawKey, err := base64.StdEncoding.DecodeString(os.Getenv("PARTNER_TOKEN_PUBKEY"))
	if err != nil || len(rawKey) != ed25519.PublicKeySize {
		log.Error("PARTNER_TOKEN_PUBKEY must be a base64 Ed25519 public key")
		os.Exit(2)
	}
	verifier := &auth.Verifier{Key: ed25519.PublicKey(rawKey), Issuer: "https://partners.lumenads.com", Audience: "adx"}

	httpClient := &http.Client{Timeout: 2 * time.Second}
	srv := exchange.NewServer(
		exchange.Config{BidsPerSecond: 2000, BidBurst: 500},
		log,
		&budget.Client{Base: env("BUDGET_URL", "http://budget.adx.internal:8080"), HTTP: httpClient},
		&tracker.Tracker{URL: env("TRACKER_URL", "http://kafka-rest.adx.internal:8082/topics/bids"), HTTP: httpClient},
		&spendstore.Store{R: redis.NewClient(&redis.Options{Addr: env("REDIS_ADDR", "redis.adx.internal:6379")})},
	)

	s := grpc.NewServer(
		grpc.ChainStreamInterceptor(
			middleware.StreamRecovery(log),
			middleware.StreamLogging(log),
			verifier.StreamInterceptor(),
		),
		grpc.ChainUnaryInterceptor(verifier.UnaryInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 10 * time.Minute,
			Time:              30 * time.Second,
			Timeout:           10 * time.Second,
		}),
		grpc.MaxConcurrentStreams(1024),
	)
	adxv1.RegisterExchangeServer(s, srv)
	healthpb.RegisterHealthServer(s, health.NewServer())

	lis, err := net.Listen("tcp", env("BIDDER_LISTEN", ":7100"))
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	log.Info("bidder listening", "addr", lis.Addr().String())
	if err := s.Serve(lis); err != nil {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}

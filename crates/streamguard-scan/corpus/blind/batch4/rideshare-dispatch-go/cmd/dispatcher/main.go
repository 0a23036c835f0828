package main

import (
	"crypto/x509"
	"encoding/pem"
	"log/slog"
	"net"
	"os"
	"time"

	dispatchv1 "github.com/ridely/dispatch/gen/dispatch/v1"
	"github.com/ridely/dispatch/internal/auth"
	"github.com/ridely/dispatch/internal/config"
	"github.com/ridely/dispatch/internal/dispatch"
	"github.com/ridely/dispatch/internal/geo"
	"github.com/ridely/dispatch/internal/pricing"
	"github.com/ridely/dispatch/internal/ratelimit"
	"github.com/ridely/dispatch/internal/revocation"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	cfg, err := config.FromEnv()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(2)
	}
	raw, err := os.ReadFile(cfg.JWTKeyFile)
	if err != nil {
		log.Error("read jwt key", "file", cfg.JWTKeyFile, "err", err)
		os.Exit(2)
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		log.Error("jwt key is not PEM", "file", cfg.JWTKeyFile)
		os.Exit(2)
	}
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Error("parse jwt key", "err", err)
		os.Exit(2)
	}
	priceClient, err := pricing.Dial(cfg.PricingAddr, cfg.QuoteTimeout)
	if err != nil {
		log.Error("dial pricing", "err", err)
		os.Exit(1)
	}

	verifier := &auth.Verifier{Key: key, Issuer: cfg.Issuer}
	hub := revocation.NewHub()
	go consumeRevocations(hub, log)

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(verifier.StreamInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              30 * time.Second,
			Timeout:           10 * time.Second,
		}),
	)
	dispatchv1.RegisterDispatchServer(srv, &dispatch.Server{
		Index:   geo.NewIndex(),
		Pricing: priceClient,
		Limits:  ratelimit.NewPeerLimiter(cfg.MsgsPerSecond, 20),
		Revoked: hub,
		Log:     log,
	})

	lis, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		log.Error("listen", "addr", cfg.Listen, "err", err)
		os.Exit(1)
	}
	log.Info("dispatcher up", "addr", cfg.Listen)
	if err := srv.Serve(lis); err != nil {
		log.Error("serve", "err", err)
	}
}

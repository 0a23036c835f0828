package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	bmsv1 "github.com/cobaltfm/bms/gen/bmsv1"
	"github.com/cobaltfm/bms/internal/auth"
	"github.com/cobaltfm/bms/internal/bacnet"
	"github.com/cobaltfm/bms/internal/commission"
	"github.com/cobaltfm/bms/internal/historian"
	"github.com/cobaltfm/bms/internal/server"
	"github.com/cobaltfm/bms/internal/trends"
	"github.com/cobaltfm/bms/internal/zones"
)

func loadKey(path string) *ecdsa.PublicKey {
	b, err := os.ReadFile(path)
	if err != nil {
		slog.Error("read key", "err", err)
		os.Exit(1)
	}
	blk, _ := pem.Decode(b)
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		slog.Error("parse key", "err", err)
		os.Exit(1)
	}
	return k.(*ecdsa.PublicKey)
}

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("HISTORIAN_DSN"))
	if err != nil {
		slog.Error("historian", "err", err)
		os.Exit(1)
	}
	hist := &historian.Client{Pool: pool}
	v := &auth.Verifier{Key: loadKey(os.Getenv("BMS_JWT_KEY")), Issuer: "https://idp.cobaltfm.example", Audience: "bms"}

	s := grpc.NewServer(
		grpc.ChainUnaryInterceptor(v.Unary()),
		grpc.ChainStreamInterceptor(auth.Logging(), v.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	bmsv1.RegisterBuildingServer(s, &server.Building{
		Zones:       &zones.Service{Historian: hist},
		Trends:      &trends.Service{Historian: hist},
		Commissions: &commission.Service{BACnet: &bacnet.Client{BaseURL: os.Getenv("BACNET_GW_URL"), HTTP: &http.Client{}}},
	})
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		slog.Error("listen", "err", err)
		os.Exit(1)
	}
	slog.Info("bmsd listening", "addr", lis.Addr())
	if err := s.Serve(lis); err != nil {
		slog.Error("serve", "err", err)
	}
}

// posd: store-estate lane service for tills.
package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	posv1 "github.com/brightmart/pos/gen/posv1"
	"github.com/brightmart/pos/internal/journal"
	"github.com/brightmart/pos/internal/lane"
	"github.com/brightmart/pos/internal/limits"
	"github.com/brightmart/pos/internal/metrics"
	"github.com/brightmart/pos/internal/termauth"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	db, err := pgxpool.New(context.Background(), os.Getenv("STORE_DSN"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	key, err := os.ReadFile("/etc/pos/estate.key")
	if err != nil {
		log.Error("estate key", "err", err)
		os.Exit(1)
	}
	authn := termauth.New(key)
	httpc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32}}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(metrics.StreamCounter, authn.Stream()),
		grpc.ChainUnaryInterceptor(authn.Unary()),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: time.Minute, Timeout: 20 * time.Second}),
	)
	posv1.RegisterTerminalServer(srv, lane.NewServer(
		lane.NewLedger(db),
		&lane.Payments{URL: os.Getenv("ACQUIRER_URL"), Client: httpc},
		&journal.Archive{BaseURL: os.Getenv("AUDIT_BUCKET_URL"), Client: httpc},
		limits.NewPerTerminal(),
		log,
	))
	lis, err := net.Listen("tcp", ":9300")
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	log.Info("posd up", "addr", lis.Addr().String())
	_ = srv.Serve(lis)
}

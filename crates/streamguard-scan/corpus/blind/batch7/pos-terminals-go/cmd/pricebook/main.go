// pricebook: pushes price changes to tills.
package main

import (
	"log/slog"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	pricebookv1 "github.com/brightmart/pos/gen/pricebookv1"
	"github.com/brightmart/pos/internal/prices"
	"github.com/brightmart/pos/internal/termauth"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	key, err := os.ReadFile("/etc/pos/estate.key")
	if err != nil {
		log.Error("estate key", "err", err)
		os.Exit(1)
	}
	authn := termauth.New(key)
	srv := grpc.NewServer(
		grpc.StreamInterceptor(authn.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 20 * time.Second,
			Time:                  time.Minute,
		}),
	)
	pricebookv1.RegisterPricebookServer(srv, prices.NewServer(prices.NewERP(os.Getenv("ERP_URL"))))
	lis, err := net.Listen("tcp", ":9310")
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	_ = srv.Serve(lis)
}

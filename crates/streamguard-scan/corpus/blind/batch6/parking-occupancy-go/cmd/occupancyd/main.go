// Command occupancyd serves garage occupancy to operator apps and city signs.
package main

import (
	"context"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	parkingv1 "github.com/parkwise/occupancy/gen/parking/v1"
	"github.com/parkwise/occupancy/internal/apikeys"
	"github.com/parkwise/occupancy/internal/garages"
	"github.com/parkwise/occupancy/internal/occupancy"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	db, err := pgxpool.New(ctx, os.Getenv("OCCUPANCY_DSN"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	keys := apikeys.NewStore(db, log)
	if err := keys.Refresh(ctx, time.Minute); err != nil {
		log.Error("load api keys", "err", err)
		os.Exit(1)
	}

	s := grpc.NewServer(
		grpc.StreamInterceptor(keys.StreamInterceptor(ctx)),
		grpc.UnaryInterceptor(keys.UnaryInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 10 * time.Second,
		}),
	)
	parkingv1.RegisterOccupancyServer(s, &occupancy.Service{Repo: &garages.Repo{DB: db}})

	lis, err := net.Listen("tcp", ":8610")
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	go func() {
		<-ctx.Done()
		s.GracefulStop()
	}()
	log.Info("occupancyd listening", "addr", lis.Addr().String())
	if err := s.Serve(lis); err != nil {
		log.Error("serve", "err", err)
	}
}

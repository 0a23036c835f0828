// cabinet-bridge terminates the links of the field signal controllers (on the ITS VPN).
package main

import (
	"context"
	"log"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"gitlab.city.example/its/traffic-signals/gen/trafficv1"
	"gitlab.city.example/its/traffic-signals/internal/cabinet"
	"gitlab.city.example/its/traffic-signals/internal/store"
	"gitlab.city.example/its/traffic-signals/internal/timing"
)

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	tc, err := timing.Dial(os.Getenv("TIMING_ADDR"))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAge:      12 * time.Hour,
		MaxConnectionAgeGrace: time.Minute,
		Time:                  30 * time.Second,
	}))
	trafficv1.RegisterCabinetServer(srv, &cabinet.Bridge{
		Secret: []byte(os.Getenv("CABINET_SECRET")),
		Store:  &store.Store{DB: db},
		Timing: tc,
		Log:    slog.New(slog.NewTextHandler(os.Stderr, nil)),
	})
	lis, err := net.Listen("tcp", ":50601")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

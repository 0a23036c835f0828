// Command gatectl runs on the site server of a garage: lane controllers and
// operator consoles connect to it.
package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	parkingv1 "github.com/parkwise/occupancy/gen/parking/v1"
	"github.com/parkwise/occupancy/internal/apikeys"
	"github.com/parkwise/occupancy/internal/garages"
	"github.com/parkwise/occupancy/internal/gatecontrol"
)

type siteConfig struct {
	Listen string            `json:"listen"`
	Lanes  map[string]string `json:"lanes"`  // lane id -> controller URL
	Garage map[string]string `json:"garage"` // lane id -> garage id
}

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	raw, err := os.ReadFile(envOr("GATECTL_CONFIG", "/etc/gatectl/site.json"))
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(2)
	}
	var cfg siteConfig
	if err := json.Unmarshal(raw, &cfg); err != nil {
		log.Error("config", "err", err)
		os.Exit(2)
	}
	secret := []byte(os.Getenv("GATECTL_DEVICE_SECRET"))
	if len(secret) < 32 {
		log.Error("GATECTL_DEVICE_SECRET must be at least 32 bytes")
		os.Exit(2)
	}

	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("OCCUPANCY_DSN"))
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	keys := apikeys.NewStore(db, log)
	if err := keys.Refresh(ctx, time.Minute); err != nil {
		log.Error("api keys", "err", err)
		os.Exit(1)
	}

	svc := &gatecontrol.Service{
		Log:        log,
		Secret:     secret,
		Keys:       keys,
		Repo:       &garages.Repo{DB: db},
		Barrier:    &gatecontrol.Barrier{HTTP: &http.Client{}, Hosts: cfg.Lanes},
		LaneGarage: cfg.Garage,
	}
	s := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{Time: time.Minute, Timeout: 20 * time.Second}))
	parkingv1.RegisterGateControlServer(s, svc)

	lis, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	log.Info("gatectl up", "addr", lis.Addr())
	if err := s.Serve(lis); err != nil {
		log.Error("serve", "err", err)
	}
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

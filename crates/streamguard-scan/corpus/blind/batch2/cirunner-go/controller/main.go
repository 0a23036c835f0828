package main

import (
	"flag"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"

	"github.com/forgeci/controller/gen/runnerpb"
	"github.com/forgeci/controller/internal/artifacts"
	"github.com/forgeci/controller/internal/authn"
	"github.com/forgeci/controller/internal/server"
)

func main() {
	addr := flag.String("listen", ":9090", "gRPC listen address")
	redisURL := flag.String("redis", "redis://localhost:6379/0", "redis url")
	flag.Parse()

	opt, err := redis.ParseURL(*redisURL)
	if err != nil {
		slog.Error("bad redis url", "err", err)
		os.Exit(1)
	}
	rdb := redis.NewClient(opt)

	guard := authn.NewGuard([]byte(os.Getenv("FORGECI_JWT_SECRET")), rdb)

	srv := grpc.NewServer(
		grpc.StreamInterceptor(guard.StreamInterceptor),
		grpc.UnaryInterceptor(guard.UnaryInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      2 * time.Hour,
			MaxConnectionAgeGrace: time.Minute,
			Time:                  30 * time.Second,
			Timeout:               10 * time.Second,
		}),
	)

	state := server.NewState()
	runnerpb.RegisterControllerServer(srv, &server.Controller{
		State:     state,
		Artifacts: artifacts.NewUploader(os.Getenv("ARTIFACT_STORE_URL")),
	})
	healthpb.RegisterHealthServer(srv, health.NewServer())

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		slog.Error("listen", "err", err)
		os.Exit(1)
	}
	slog.Info("controller listening", "addr", lis.Addr().String())
	if err := srv.Serve(lis); err != nil {
		slog.Error("serve", "err", err)
	}
}

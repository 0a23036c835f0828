package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/alpenschnee/snowmaking/gen/snowpb"
	"github.com/alpenschnee/snowmaking/internal/auth"
	"github.com/alpenschnee/snowmaking/internal/handlers"
	"github.com/alpenschnee/snowmaking/internal/plc"
)

func logStreams(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, h grpc.StreamHandler) error {
	start := time.Now()
	err := h(srv, ss)
	log.Printf("%s %v err=%v", info.FullMethod, time.Since(start), err)
	return err
}

func main() {
	db, err := pgxpool.New(context.Background(), os.Getenv("SNOWD_PG"))
	if err != nil {
		log.Fatal(err)
	}
	gw, err := plc.Dial(os.Getenv("PLC_GATEWAY"))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(logStreams, auth.StreamInterceptor([]byte(os.Getenv("SNOWD_JWT_SECRET")))),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionIdle: 10 * time.Minute, Time: time.Minute, Timeout: 20 * time.Second}),
	)
	snowpb.RegisterSnowmakingServer(srv, &handlers.Server{DB: db, PLC: gw, WeatherURL: os.Getenv("WEATHER_URL")})
	lis, err := net.Listen("tcp", ":50190")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

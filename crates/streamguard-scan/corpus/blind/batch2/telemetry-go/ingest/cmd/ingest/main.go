package main

import (
	"context"
	"flag"
	"log"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"gitlab.com/voltgrid/edge/ingest/internal/auth"
	"gitlab.com/voltgrid/edge/ingest/internal/service"
	"gitlab.com/voltgrid/edge/ingest/internal/tsdb"
	"gitlab.com/voltgrid/edge/ingest/pb"
)

func main() {
	listen := flag.String("listen", ":8443", "listen address")
	jwksURL := flag.String("jwks", "https://iam.voltgrid.io/devices/jwks.json", "device key set")
	tsdbURL := flag.String("tsdb", "http://victoria:8428", "tsdb write endpoint")
	flag.Parse()

	verifier, err := auth.NewDeviceVerifier(context.Background(), *jwksURL)
	if err != nil {
		log.Fatalf("jwks: %v", err)
	}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(verifier.StreamInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              2 * time.Hour,
			Timeout:           20 * time.Second,
		}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: time.Minute, PermitWithoutStream: true}),
		grpc.MaxRecvMsgSize(8<<20),
	)

	hub := service.NewHub()
	pb.RegisterTelemetryServer(srv, &service.Telemetry{
		Hub:     hub,
		TSDB:    tsdb.NewWriter(*tsdbURL),
		Limiter: service.NewPeerLimiter(50, 100),
	})

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("ingest listening on %s", *listen)
	if err := srv.Serve(lis); err != nil {
		log.Fatal(err)
	}
}

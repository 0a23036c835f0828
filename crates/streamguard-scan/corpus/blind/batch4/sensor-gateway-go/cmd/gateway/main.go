package main

import (
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"git.internal/plant/sensor-gateway/gen/sensorspb"
	"git.internal/plant/sensor-gateway/pkg/devicetoken"
	"git.internal/plant/sensor-gateway/pkg/ingest"
	"git.internal/plant/sensor-gateway/pkg/pubsub"
	"git.internal/plant/sensor-gateway/pkg/tsdb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func main() {
	key := os.Getenv("DEVICE_TOKEN_KEY")
	if key == "" {
		log.Fatal("DEVICE_TOKEN_KEY is required (same key as the provisioning station)")
	}
	bus, err := pubsub.Connect(envOr("NATS_URL", "nats://nats:4222"))
	if err != nil {
		log.Fatalf("nats: %v", err)
	}
	s := grpc.NewServer(
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 20 * time.Second, PermitWithoutStream: true}),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: time.Minute, Timeout: 20 * time.Second}),
		grpc.MaxRecvMsgSize(256<<10),
	)
	sensorspb.RegisterIngestServer(s, &ingest.Server{
		Tokens: devicetoken.Verifier{Key: []byte(key)},
		TSDB:   &tsdb.Writer{URL: envOr("TSDB_URL", "http://tsdb:8086"), HTTP: &http.Client{}},
		Bus:    bus,
	})
	lis, err := net.Listen("tcp", envOr("GATEWAY_LISTEN", ":8443"))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.Serve(lis))
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

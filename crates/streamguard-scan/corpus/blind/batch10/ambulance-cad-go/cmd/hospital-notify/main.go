package main

import (
	"encoding/json"
	"log"
	"net"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	cadv1 "git.regionems.org/cad/cad-platform/gen/cad/v1"
	"git.regionems.org/cad/cad-platform/internal/authn"
	"git.regionems.org/cad/cad-platform/internal/prealert"
)

func main() {
	var keys authn.APIKeys
	if err := json.Unmarshal([]byte(os.Getenv("HOSPITAL_KEYS_JSON")), &keys); err != nil {
		log.Fatalf("HOSPITAL_KEYS_JSON: %v", err)
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer(
		grpc.StreamInterceptor(keys.StreamInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 30 * time.Second, Timeout: 10 * time.Second}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 10 * time.Second, PermitWithoutStream: true}),
	)
	cadv1.RegisterPrealertsServer(srv, &prealert.Server{NC: nc})
	lis, err := net.Listen("tcp", ":7450")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

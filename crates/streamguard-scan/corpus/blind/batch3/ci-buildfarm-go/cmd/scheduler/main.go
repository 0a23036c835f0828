package main

import (
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/forge-ci/buildfarm/gen/forgepb"
	"github.com/forge-ci/buildfarm/internal/authn"
	"github.com/forge-ci/buildfarm/internal/cas"
	"github.com/forge-ci/buildfarm/internal/scheduler"
	"github.com/nats-io/nats.go"
	"google.golang.org/grpc"
)

func main() {
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatalf("nats: %v", err)
	}
	revs, err := authn.NewRevocations(nc)
	if err != nil {
		log.Fatalf("revocations: %v", err)
	}
	auth := &authn.Authenticator{
		Key:         []byte(os.Getenv("FORGE_JWT_KEY")),
		Audience:    "forge-scheduler",
		Revocations: revs,
	}

	srv := grpc.NewServer(
		grpc.UnaryInterceptor(auth.Unary()),
		grpc.StreamInterceptor(auth.Stream()),
		grpc.MaxRecvMsgSize(8<<20),
	)
	forgepb.RegisterSchedulerServer(srv, &scheduler.Service{
		Queue: scheduler.NewQueue(),
		CAS:   &cas.Client{Base: os.Getenv("CAS_URL"), HTTP: &http.Client{Timeout: 30 * time.Second}},
	})

	lis, err := net.Listen("tcp", ":8980")
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	log.Fatal(srv.Serve(lis))
}

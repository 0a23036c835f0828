package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/acme/search-relay/internal/relay"
	"github.com/acme/search-relay/pkg/pb"
)

func main() {
	addr := flag.String("addr", ":6000", "gRPC listen address")
	metrics := flag.String("metrics", ":9102", "metrics listen address")
	flag.Parse()

	shards, suggester, changes, docs := backends()

	srv := grpc.NewServer(
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      5 * time.Minute,
			MaxConnectionAgeGrace: time.Minute,
			MaxConnectionIdle:     2 * time.Minute,
		}),
	)
	pb.RegisterRelayServer(srv, relay.New(shards, suggester, changes, docs))

	go func() {
		http.Handle("/metrics", promhttp.Handler())
		log.Println(http.ListenAndServe(*metrics, nil))
	}()

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

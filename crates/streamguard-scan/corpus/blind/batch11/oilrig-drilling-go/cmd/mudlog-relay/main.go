package main

import (
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"example.com/offshore/drilling/internal/relay"
	"example.com/offshore/drilling/pb"
)

func main() {
	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionIdle: 10 * time.Minute,
		Time:              2 * time.Minute,
	}))
	pb.RegisterMudLogServer(srv, &relay.Mirror{Upstream: os.Getenv("MUDLOG_URL"), HTTP: &http.Client{}})
	lis, err := net.Listen("tcp", ":50710")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

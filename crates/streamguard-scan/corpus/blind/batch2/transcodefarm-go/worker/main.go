package main

import (
	"log"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	pb "github.com/reelhouse/transcodepb"
)

func main() {
	jobs := newJobTable()
	go jobs.runQueue()

	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAge:      time.Hour,
		MaxConnectionAgeGrace: time.Minute,
	}))
	pb.RegisterWorkerServer(srv, &progressServer{jobs: jobs})

	lis, err := net.Listen("tcp", ":7700")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

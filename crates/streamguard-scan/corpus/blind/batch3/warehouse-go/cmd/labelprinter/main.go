package main

import (
	"log"
	"net"

	"github.com/northwind/warehouse/gen/inventorypb"
	"github.com/northwind/warehouse/internal/labels"
	"google.golang.org/grpc"
)

func main() {
	srv := grpc.NewServer()
	inventorypb.RegisterLabelsServer(srv, &labels.Printer{})
	lis, err := net.Listen("tcp", "127.0.0.1:7701")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

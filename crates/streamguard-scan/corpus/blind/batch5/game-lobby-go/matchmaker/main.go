// matchmaker runs inside the game cluster; only lobbyd and the game client gateway reach it.
package main

import (
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pb "lobby.arcadia.gg/platform/lobbypb"
)

func main() {
	fleet, err := grpc.NewClient(envOr("FLEET_ADDR", "fleet-allocator:9500"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatalf("fleet allocator: %v", err)
	}
	srv := grpc.NewServer()
	pb.RegisterMatchmakerServer(srv, newMatchmaker(newFleetClient(fleet)))
	lis, err := net.Listen("tcp", envOr("MATCHMAKER_ADDR", ":9410"))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

package main

import (
	"context"
	"log"
	"net"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	pb "lobby.arcadia.gg/platform/lobbypb"
	"lobby.arcadia.gg/platform/pkg/rooms"
	"lobby.arcadia.gg/platform/pkg/session"
)

func main() {
	secret := []byte(os.Getenv("LOBBY_TICKET_SECRET"))
	if len(secret) < 32 {
		log.Fatal("LOBBY_TICKET_SECRET must be at least 32 bytes")
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	srv := grpc.NewServer(
		grpc.StreamInterceptor(session.StreamInterceptor(secret)),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 30 * time.Second,
			Time:                  30 * time.Second,
		}),
	)
	pb.RegisterLobbyServer(srv, &lobbyServer{rooms: rooms.NewRegistry(), bans: session.WatchBans(context.Background(), rdb)})
	lis, err := net.Listen("tcp", ":9400")
	if err != nil {
		log.Fatalf("listen :9400: %v", err)
	}
	log.Printf("lobbyd on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

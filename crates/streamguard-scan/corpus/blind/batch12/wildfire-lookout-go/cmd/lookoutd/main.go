package main

import (
	"log"
	"net"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"forestry.example/lookout/internal/lookout"
	"forestry.example/lookout/internal/session"
	"forestry.example/lookout/lookoutpb"
)

func main() {
	mgr := &session.Manager{
		Secret: []byte(os.Getenv("LOOKOUT_JWT_SECRET")),
		Redis:  redis.NewClient(&redis.Options{Addr: os.Getenv("LOOKOUT_REDIS")}),
	}
	srv := grpc.NewServer(
		grpc.StreamInterceptor(mgr.Interceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      45 * time.Minute,
			MaxConnectionAgeGrace: 30 * time.Second,
		}),
	)
	lookoutpb.RegisterLookoutServer(srv, &lookout.Server{
		Frames:     newFrameStore(os.Getenv("LOOKOUT_FRAMES")),
		Classifier: newClassifier(os.Getenv("LOOKOUT_CLASSIFIER")),
		PTZBase:    os.Getenv("LOOKOUT_PTZ"),
	})
	lis, err := net.Listen("tcp", ":8600")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"git.alpenpeak.example/resort/internal/authn"
	pb "git.alpenpeak.example/resort/internal/gen/resortv1"
	"git.alpenpeak.example/resort/internal/gates"
	"git.alpenpeak.example/resort/internal/lifts"
	"git.alpenpeak.example/resort/internal/passes"
	"git.alpenpeak.example/resort/internal/photos"
	"git.alpenpeak.example/resort/internal/skier"
	"git.alpenpeak.example/resort/internal/weather"
)

func main() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, err := sql.Open("pgx", os.Getenv("LIFTS_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	httpc := &http.Client{}
	skierAuth := &authn.SkierAuth{
		Secret:   []byte(os.Getenv("APP_SESSION_SECRET")),
		Audience: "resort-app",
		Skip: map[string]bool{
			"/resort.v1.Resort/GateStream":      true, // gate tokens, checked per scan
			"/resort.v1.Resort/WatchLiftStatus": true, // public
		},
	}
	ticketing := &passes.Client{BaseURL: os.Getenv("TICKETING_URL"), HTTP: httpc}
	s := grpc.NewServer(
		grpc.StreamInterceptor(skierAuth.StreamInterceptor),
		grpc.UnaryInterceptor(skierAuth.UnaryInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 20 * time.Second,
		}),
	)
	pb.RegisterResortServer(s, &resortServer{
		gates:  &gates.Handler{Tokens: authn.NewGateTokens(ctx, []byte(os.Getenv("GATE_TOKEN_SECRET")), rdb), Passes: ticketing},
		lifts:  &lifts.Status{DB: db, Weather: &weather.Client{URL: os.Getenv("TOWER_WEATHER_URL"), HTTP: httpc}},
		feed:   &skier.Feed{Redis: rdb, Photos: &photos.Client{BaseURL: os.Getenv("PHOTOS_URL"), HTTP: httpc}},
		passes: ticketing,
	})
	lis, err := net.Listen("tcp", ":8700")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.Serve(lis))
}

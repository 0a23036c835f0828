package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	cadv1 "git.regionems.org/cad/cad-platform/gen/cad/v1"
	"git.regionems.org/cad/cad-platform/internal/authn"
	"git.regionems.org/cad/cad-platform/internal/board"
	"git.regionems.org/cad/cad-platform/internal/dispatch"
	"git.regionems.org/cad/cad-platform/internal/geo"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	revocations := &authn.Revocations{RDB: rdb}
	go revocations.Run(context.Background())

	jwtAuth := &authn.JWT{Secret: []byte(os.Getenv("CAD_JWT_SECRET")), Issuer: "https://sso.regionems.org", Audience: "cadd"}
	srv := grpc.NewServer(
		grpc.StreamInterceptor(jwtAuth.StreamInterceptor()),
		grpc.UnaryInterceptor(jwtAuth.UnaryInterceptor()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 15 * time.Second,
			Time:                  time.Minute,
		}),
	)
	cadv1.RegisterDispatchServer(srv, &dispatch.Server{
		Board:       board.New(),
		Geo:         &geo.Geocoder{Base: os.Getenv("GEOCODER_URL"), HTTP: &http.Client{}},
		Revocations: revocations,
	})
	lis, err := net.Listen("tcp", ":7443")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"

	"weavecorp.io/looms/gen/loomspb"
	"weavecorp.io/looms/internal/session"
	"weavecorp.io/looms/internal/weaving"
)

func main() {
	pemBytes, err := os.ReadFile(os.Getenv("LOOMD_JWT_PUBKEY"))
	if err != nil {
		log.Fatal(err)
	}
	blk, _ := pem.Decode(pemBytes)
	pub, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	sessions := &session.Manager{LoomSecret: []byte(os.Getenv("LOOM_SECRET")), JWTKey: pub, Redis: rdb}
	go sessions.WatchDecommissions(context.Background())

	store, err := minio.New(os.Getenv("S3_ENDPOINT"), &minio.Options{
		Creds:  credentials.NewStaticV4(os.Getenv("S3_KEY"), os.Getenv("S3_SECRET"), ""),
		Secure: true,
	})
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer()
	loomspb.RegisterWeavingServer(srv, &weaving.Service{
		Sessions: sessions,
		MES:      &weaving.MESClient{Base: os.Getenv("MES_URL"), HTTP: http.DefaultClient},
		Store:    store,
		Bucket:   "jacquard-patterns",
	})
	lis, err := net.Listen("tcp", ":6200")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

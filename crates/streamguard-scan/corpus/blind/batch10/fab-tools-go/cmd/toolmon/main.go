package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/nats-io/nats.go"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	toolmonv1 "fab.example.com/toolmon/gen/fab/toolmon/v1"
	"fab.example.com/toolmon/internal/blob"
	"fab.example.com/toolmon/internal/limits"
	"fab.example.com/toolmon/internal/mes"
	"fab.example.com/toolmon/internal/session"
	"fab.example.com/toolmon/internal/toolmon"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, os.Getenv("OIDC_ISSUER"))
	if err != nil {
		log.Fatal(err)
	}
	feed := session.NewFeed()
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	if err := feed.Subscribe(nc); err != nil {
		log.Fatal(err)
	}
	mc, err := minio.New(os.Getenv("S3_ENDPOINT"), &minio.Options{
		Creds:  credentials.NewStaticV4(os.Getenv("S3_KEY"), os.Getenv("S3_SECRET"), ""),
		Secure: true,
	})
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAge:      time.Hour,
		MaxConnectionAgeGrace: 30 * time.Second,
	}))
	toolmonv1.RegisterToolMonitorServer(srv, &toolmon.Server{
		Sessions: &session.Manager{
			Verifier:    provider.Verifier(&oidc.Config{ClientID: "toolmon"}),
			Feed:        feed,
			MaxLifetime: 20 * time.Minute,
		},
		MES:    &mes.Client{Base: os.Getenv("MES_URL"), HTTP: &http.Client{}},
		Blobs:  &blob.Store{Client: mc, Bucket: "metrology"},
		Limits: &limits.BySubject{Rate: rate.Limit(2), Burst: 10},
	})
	lis, err := net.Listen("tcp", ":50400")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

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
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"harbour.example/cranes/internal/crane"
	"harbour.example/cranes/internal/guard"
	"harbour.example/cranes/internal/tos"
	"harbour.example/cranes/pb/cranepb"
)

func main() {
	ctx := context.Background()
	provider, err := oidc.NewProvider(ctx, os.Getenv("CRANED_ISSUER"))
	if err != nil {
		log.Fatal(err)
	}
	g := &guard.Guard{
		Verifier:    provider.Verifier(&oidc.Config{ClientID: "craned"}),
		MaxLifetime: 30 * time.Minute,
		PerMinute:   90,
	}
	nc, err := nats.Connect(os.Getenv("CRANED_NATS"))
	if err != nil {
		log.Fatal(err)
	}
	if err := g.WatchRevocations(nc); err != nil {
		log.Fatal(err)
	}
	store, err := minio.New(os.Getenv("CRANED_S3"), &minio.Options{Creds: credentials.NewEnvAWS(), Secure: true})
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.StreamInterceptor(g.Stream),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionAge: time.Hour, MaxConnectionAgeGrace: 15 * time.Second}),
	)
	cranepb.RegisterCraneOpsServer(srv, &crane.Ops{
		TOS:    &tos.Client{Base: os.Getenv("CRANED_TOS"), HTTP: http.DefaultClient},
		Store:  store,
		Bucket: "vessel-plans",
	})
	lis, err := net.Listen("tcp", ":9443")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

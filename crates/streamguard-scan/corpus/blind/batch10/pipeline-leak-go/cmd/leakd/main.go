package main

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	leakv1 "github.com/midstream-energy/pipeline-leak/gen/pipeline/leak/v1"
	"github.com/midstream-energy/pipeline-leak/internal/auth"
	"github.com/midstream-energy/pipeline-leak/internal/historian"
	"github.com/midstream-energy/pipeline-leak/internal/leak"
	"github.com/midstream-energy/pipeline-leak/internal/ratelimit"
)

func loadKey(path string) *ecdsa.PublicKey {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(raw)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	return pub.(*ecdsa.PublicKey)
}

func main() {
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	rtus := &auth.RTUVerifier{Secret: []byte(os.Getenv("RTU_TOKEN_SECRET"))}
	if _, err := rtus.Follow(nc); err != nil {
		log.Fatal(err)
	}

	verifier := &auth.Verifier{
		Key:      loadKey(os.Getenv("LEAKD_JWT_KEY")),
		Issuer:   "https://sso.midstream.example",
		Audience: "leakd",
		Skip:     map[string]bool{leakv1.LeakDetection_RtuLink_FullMethodName: true},
	}

	srv := grpc.NewServer(
		grpc.ChainStreamInterceptor(verifier.Stream()),
		grpc.ChainUnaryInterceptor(verifier.Unary()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 15 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	leakv1.RegisterLeakDetectionServer(srv, &leak.Server{
		Historian:    &historian.Client{Base: os.Getenv("HISTORIAN_URL"), HTTP: &http.Client{}},
		RTUs:         rtus,
		Limits:       &ratelimit.PerUnit{Rate: rate.Limit(5), Burst: 10},
		Segments:     map[string]*leakv1.Segment{},
		MinKpa:       3200,
		MaxImbalance: 1.5,
	})

	lis, err := net.Listen("tcp", ":50066")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("leakd listening on %s", lis.Addr())
	log.Fatal(srv.Serve(lis))
}

package main

import (
	"crypto/ed25519"
	"database/sql"
	"encoding/base64"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"spectrumwatch.io/monitor/internal/captures"
	"spectrumwatch.io/monitor/internal/emitters"
	"spectrumwatch.io/monitor/internal/guard"
	"spectrumwatch.io/monitor/internal/ratelimit"
	"spectrumwatch.io/monitor/internal/sdr"
	"spectrumwatch.io/monitor/internal/service"
	pb "spectrumwatch.io/monitor/pkg/pb/spectrumv1"
)

func main() {
	key, err := base64.StdEncoding.DecodeString(os.Getenv("SPECTRUM_JWT_ED25519_PUB"))
	if err != nil {
		log.Fatalf("jwt key: %v", err)
	}
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatal(err)
	}
	revs, err := guard.NewRevocations(nc)
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	db, err := sql.Open("pgx", os.Getenv("REGISTER_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	g := &guard.Guard{
		Key: ed25519.PublicKey(key), Issuer: "https://iam.spectrumwatch.io", Audience: "monitor",
		MaxLifetime: 20 * time.Minute, Revocations: revs,
		Limiter:     &ratelimit.PerSubject{Limiter: redis_rate.NewLimiter(rdb), Limit: redis_rate.PerMinute(600)},
		Authorizers: service.Authorizers(),
	}
	s := grpc.NewServer(
		grpc.ChainUnaryInterceptor(g.Unary()),
		grpc.ChainStreamInterceptor(g.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionAge: 30 * time.Minute, MaxConnectionAgeGrace: 15 * time.Second}),
	)
	httpc := &http.Client{}
	pb.RegisterMonitorServer(s, &service.Monitor{
		SDR:        &sdr.Client{BaseURL: os.Getenv("RECEIVER_BRIDGE_URL"), HTTP: httpc},
		Emitters:   &emitters.Registry{DB: db},
		Captures:   &captures.Store{BucketURL: os.Getenv("CAPTURE_BUCKET_URL"), HTTP: httpc},
		Classifier: &captures.Classifier{URL: os.Getenv("CLASSIFIER_URL"), HTTP: httpc},
	})
	lis, err := net.Listen("tcp", ":7443")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(s.Serve(lis))
}

// edgecfg: configuration push and purge API of the CDN control plane.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"os"
	"os/signal"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"

	"git.fastlane-cdn.net/platform/edgecfg/internal/config"
	"git.fastlane-cdn.net/platform/edgecfg/internal/guard"
	agentv1 "git.fastlane-cdn.net/platform/edgecfg/internal/pb/agentv1"
	pb "git.fastlane-cdn.net/platform/edgecfg/internal/pb/edgecfgv1"
	"git.fastlane-cdn.net/platform/edgecfg/internal/purge"
)

func loadKey(path string) *ecdsa.PublicKey {
	raw, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("jwt key: %v", err)
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		log.Fatal("jwt key: no PEM block")
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatalf("jwt key: %v", err)
	}
	return k.(*ecdsa.PublicKey)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	pub := loadKey(os.Getenv("JWT_PUBLIC_KEY"))
	g := guard.New(func(*jwt.Token) (any, error) { return pub, nil }, "edgecfg", 20*time.Minute)
	nc, err := nats.Connect(os.Getenv("NATS_URL"))
	if err != nil {
		log.Fatalf("nats: %v", err)
	}
	if _, err := g.FollowRevocations(nc); err != nil {
		log.Fatalf("revocations: %v", err)
	}

	db, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	cfg := config.NewStore(db)
	go func() { log.Printf("config listener ended: %v", cfg.Listen(ctx)) }()

	nodes := map[string]agentv1.AgentClient{}
	for _, addr := range splitNonEmpty(os.Getenv("EDGE_NODES")) {
		conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			log.Fatalf("node %s: %v", addr, err)
		}
		nodes[addr] = agentv1.NewAgentClient(conn)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})

	srv := grpc.NewServer(
		grpc.StreamInterceptor(g.Stream),
		grpc.UnaryInterceptor(g.Unary),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionAge: time.Hour, MaxConnectionAgeGrace: 30 * time.Second}),
	)
	pb.RegisterEdgeConfigServer(srv, purge.NewServer(cfg, purge.NewFanout(nodes), redis_rate.NewLimiter(rdb), db))
	lis, err := net.Listen("tcp", ":8443")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		<-ctx.Done()
		srv.GracefulStop()
	}()
	log.Fatal(srv.Serve(lis))
}

func splitNonEmpty(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

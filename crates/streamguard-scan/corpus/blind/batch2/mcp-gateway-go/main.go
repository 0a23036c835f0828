package main

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"

	"github.com/tessellate-ai/mcp-gateway/execpb"
	"github.com/tessellate-ai/mcp-gateway/mcppb"
	"github.com/tessellate-ai/mcp-gateway/server"
)

func loadKey(path string) *rsa.PublicKey {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	return k.(*rsa.PublicKey)
}

func main() {
	auth := server.NewAuthenticator(loadKey(os.Getenv("MCP_JWT_PUBLIC_KEY")), os.Getenv("MCP_AUDIENCE"))
	revocations := server.NewRevocationCache(os.Getenv("REVOCATION_URL"))

	execConn, err := grpc.NewClient(os.Getenv("EXECUTOR_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}

	s := grpc.NewServer(
		grpc.ChainStreamInterceptor(auth.Stream),
		grpc.ChainUnaryInterceptor(auth.Unary),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionAge: 30 * time.Minute, MaxConnectionAgeGrace: 15 * time.Second}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 10 * time.Second, PermitWithoutStream: true}),
	)

	deps := &server.Deps{
		Exec:        execpb.NewExecutorClient(execConn),
		Revocations: revocations,
		Limits:      server.NewIdentityLimiter(20, 40),
		ResourceDir: os.Getenv("MCP_RESOURCE_DIR"),
	}
	mcppb.RegisterMcpJsonRpcServer(s, &server.JSONRPC{Deps: deps})
	mcppb.RegisterMcpStreamingServer(s, &server.Streaming{Deps: deps})
	reflection.Register(s)

	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("mcp-gateway listening on %s", lis.Addr())
	log.Fatal(s.Serve(lis))
}

package main

import (
	"crypto/x509"
	"encoding/pem"
	"flag"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
	"github.com/acme/mcp-server/internal/auth"
	"github.com/acme/mcp-server/internal/bridge"
)

func main() {
	listen := flag.String("listen", ":50052", "listen address")
	upstream := flag.String("upstream", "mcpd.internal:50051", "upstream mcpd")
	keyFile := flag.String("jwt-key", "/etc/mcpd/jwt.pem", "RS256 public key (PEM)")
	flag.Parse()

	pemBytes, err := os.ReadFile(*keyFile)
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(pemBytes)
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}

	creds, err := credentials.NewClientTLSFromFile("/etc/mcp-bridge/upstream-ca.pem", "")
	if err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient(*upstream, grpc.WithTransportCredentials(creds))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	s := grpc.NewServer()
	mcpv1.RegisterMcpStreamingServer(s, bridge.New(
		mcpv1.NewMcpStreamingClient(conn),
		&auth.Verifier{Key: pub, Issuer: "https://id.acme.dev", Audience: "mcpd"},
	))

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("mcp-bridge on %s -> %s", *listen, *upstream)
	log.Fatal(s.Serve(lis))
}

package main

import (
	"crypto/ed25519"
	"encoding/base64"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	ledgerv1 "github.com/northwind-fin/ledger/api/ledger/v1"
	"github.com/northwind-fin/ledger/internal/auth"
	"github.com/northwind-fin/ledger/internal/bus"
	"github.com/northwind-fin/ledger/internal/settlement"
)

func main() {
	keyB64 := os.Getenv("LEDGER_JWT_PUBKEY")
	key, err := base64.StdEncoding.DecodeString(keyB64)
	if err != nil || len(key) != ed25519.PublicKeySize {
		log.Fatalf("LEDGER_JWT_PUBKEY must be a base64 ed25519 public key")
	}
	v := &auth.Verifier{Key: ed25519.PublicKey(key), Audience: "ledger"}

	lis, err := net.Listen("tcp", envOr("LEDGER_ADDR", ":7300"))
	if err != nil {
		log.Fatal(err)
	}

	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(v.Unary()),
		grpc.ChainStreamInterceptor(v.Stream()),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionAge:      20 * time.Minute,
			MaxConnectionAgeGrace: 30 * time.Second,
			Time:                  time.Minute,
		}),
	)

	trades := bus.NewTrades()
	ledgerv1.RegisterLedgerServer(srv, &ledgerServer{
		trades:   trades,
		balances: newBalanceStore(),
		settle:   &settlement.Client{BaseURL: envOr("CORE_BANKING_URL", "http://core-banking:8080"), HTTP: http.DefaultClient},
	})

	log.Printf("ledgerd listening on %s", lis.Addr())
	if err := srv.Serve(lis); err != nil {
		log.Fatal(err)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

package main

import (
	"crypto/rsa"
	"crypto/x509"
	"database/sql"
	"encoding/pem"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/kyc/internal/cases"
	"example.com/kyc/internal/guard"
	pb "example.com/kyc/internal/kycpb"
	"example.com/kyc/internal/screening"
)

func main() {
	pemBytes, err := os.ReadFile(envOr("KYC_JWT_PUBKEY", "/etc/kyc/jwt.pub"))
	if err != nil {
		log.Fatalf("read jwt public key: %v", err)
	}
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		log.Fatal("KYC_JWT_PUBKEY is not PEM")
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatalf("parse jwt public key: %v", err)
	}
	db, err := sql.Open("pgx", os.Getenv("KYC_DSN"))
	if err != nil {
		log.Fatal(err)
	}
	scc, err := grpc.NewClient(envOr("SCREENING_ADDR", "screening:7001"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	store := &cases.Store{DB: db}
	revs := guard.NewRevocations()
	g := &guard.Guard{
		Key:         pub.(*rsa.PublicKey),
		MaxLifetime: 20 * time.Minute,
		Revocations: revs,
		PerMessage:  map[string]guard.Authorizer{pb.Verification_ReviewSession_FullMethodName: reviewAuthorizer(store)},
	}
	srv := grpc.NewServer(grpc.StreamInterceptor(g.Stream))
	pb.RegisterVerificationServer(srv, &verification{cases: store, screening: screening.Client{CC: scc}})

	go serveAdmin(revs)
	lis, err := net.Listen("tcp", envOr("KYC_ADDR", ":8443"))
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

func serveAdmin(revs *guard.Revocations) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /revocations", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("authorization") != "Bearer "+os.Getenv("KYC_ADMIN_TOKEN") {
			http.Error(w, "admin token required", http.StatusUnauthorized)
			return
		}
		key := r.URL.Query().Get("key") // "jti:<id>" or "sub:<subject>"
		if key == "" {
			http.Error(w, "key=jti:<id> or key=sub:<subject> required", http.StatusBadRequest)
			return
		}
		revs.Revoke(key)
		w.WriteHeader(http.StatusNoContent)
	})
	log.Fatal(http.ListenAndServe(envOr("KYC_ADMIN_ADDR", "127.0.0.1:8444"), mux))
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

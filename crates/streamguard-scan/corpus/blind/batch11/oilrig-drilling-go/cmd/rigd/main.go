package main

import (
	"crypto/ecdsa"
	"crypto/x509"
	"encoding/pem"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
	"google.golang.org/grpc"

	"example.com/offshore/drilling/internal/rigauth"
	"example.com/offshore/drilling/internal/wells"
	"example.com/offshore/drilling/internal/witsml"
	"example.com/offshore/drilling/pb"
)

func main() {
	raw, err := os.ReadFile(os.Getenv("RIGD_JWT_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	block, _ := pem.Decode(raw)
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	g := &rigauth.Guard{
		Key:         key.(*ecdsa.PublicKey),
		Audience:    "rigd",
		Redis:       redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}),
		RecheckEach: 60 * time.Second,
		Checks:      map[string]rigauth.MessageCheck{pb.Drilling_DrillerConsole_FullMethodName: wells.CheckConsoleCommand},
		Log:         slog.Default(),
	}
	srv := grpc.NewServer(grpc.StreamInterceptor(g.StreamInterceptor))
	pb.RegisterDrillingServer(srv, &wells.Server{
		Store:    &witsml.Client{Base: os.Getenv("WITSML_URL"), HTTP: &http.Client{}},
		Limiters: rigauth.NewSubjectLimiters(rate.Every(500*time.Millisecond), 5),
	})
	lis, err := net.Listen("tcp", ":50700")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

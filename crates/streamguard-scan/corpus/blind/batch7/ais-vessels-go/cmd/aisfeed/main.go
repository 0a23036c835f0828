// aisfeed receives NMEA sentences from coast stations over mutual TLS.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"log/slog"
	"net"
	"os"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	aisv1 "github.com/harbourlabs/ais/gen/aisv1"
	"github.com/harbourlabs/ais/internal/ingest"
)

func main() {
	listen := flag.String("listen", ":7500", "listen address")
	flag.Parse()
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))

	cert, err := tls.LoadX509KeyPair("/etc/aisfeed/tls.crt", "/etc/aisfeed/tls.key")
	if err != nil {
		log.Error("tls", "err", err)
		os.Exit(1)
	}
	caPEM, err := os.ReadFile("/etc/aisfeed/stations-ca.pem")
	if err != nil {
		log.Error("ca", "err", err)
		os.Exit(1)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	creds := credentials.NewTLS(&tls.Config{Certificates: []tls.Certificate{cert}, ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: tls.VersionTLS13})

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	srv := grpc.NewServer(grpc.Creds(creds))
	aisv1.RegisterIngestServer(srv, ingest.NewServer(rdb, ingest.NewPeerLimiter(200, 400), log))

	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
	log.Info("aisfeed listening", "addr", *listen)
	_ = srv.Serve(lis)
}

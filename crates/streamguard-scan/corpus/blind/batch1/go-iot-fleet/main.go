package main

import (
	"crypto/ed25519"
	"encoding/base64"
	"flag"
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	fleetpb "github.com/fleetops/fleetd/proto"
)

func main() {
	addr := flag.String("addr", ":8443", "listen address")
	flag.Parse()

	pub, err := base64.StdEncoding.DecodeString(os.Getenv("FLEET_DEVICE_PUBKEY"))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		log.Fatal("FLEET_DEVICE_PUBKEY must be a base64 ed25519 key")
	}
	creds, err := credentials.NewServerTLSFromFile(os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY"))
	if err != nil {
		log.Fatal(err)
	}

	revoked := &revocationSet{}
	reg := newRegistryClient(os.Getenv("REGISTRY_URL"))
	go func() {
		for range time.Tick(5 * time.Second) {
			if ids, err := reg.RevokedTokenIDs(); err == nil {
				revoked.Replace(ids)
			}
		}
	}()

	srv := grpc.NewServer(
		grpc.Creds(creds),
		grpc.StreamInterceptor(deviceAuth(ed25519.PublicKey(pub))),
	)
	fleetpb.RegisterFleetServer(srv, &fleetServer{
		ingest:  newIngestClient(os.Getenv("INGEST_ADDR")),
		cmds:    reg,
		limits:  newDeviceLimits(50, 200),
		revoked: revoked,
	})

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("fleetd listening on %s", *addr)
	log.Fatal(srv.Serve(lis))
}

// twin-sync serves crane positions to the quay digital twin over mTLS.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"

	"harbour.example/cranes/internal/crane"
	"harbour.example/cranes/pb/cranepb"
)

type opcBridge struct{ endpoint string }

func (b *opcBridge) Positions(ctx context.Context, quay string) ([]*cranepb.TwinFrame, error) {
	// Reads the trolley/hoist/gantry encoders through the OPC UA bridge (elided).
	return nil, nil
}

func main() {
	cert, err := tls.LoadX509KeyPair(os.Getenv("TWIN_CERT"), os.Getenv("TWIN_KEY"))
	if err != nil {
		log.Fatal(err)
	}
	pool := x509.NewCertPool()
	ca, _ := os.ReadFile(os.Getenv("TWIN_CLIENT_CA"))
	pool.AppendCertsFromPEM(ca)
	creds := credentials.NewTLS(&tls.Config{Certificates: []tls.Certificate{cert}, ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert})

	srv := grpc.NewServer(
		grpc.Creds(creds),
		grpc.ConnectionTimeout(10*time.Second),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: time.Minute, Timeout: 20 * time.Second}),
	)
	cranepb.RegisterTwinFeedServer(srv, &crane.Twin{PLC: &opcBridge{endpoint: os.Getenv("TWIN_OPC")}})
	lis, err := net.Listen("tcp", ":9444")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

// edge-agent: runs on every edge node; serves the POP log shipper and purge fan-out (mTLS only).
package main

import (
	"crypto/tls"
	"crypto/x509"
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"

	"git.fastlane-cdn.net/platform/edgecfg/internal/agent"
	pb "git.fastlane-cdn.net/platform/edgecfg/internal/pb/agentv1"
)

func main() {
	cert, err := tls.LoadX509KeyPair("/etc/edge/node.crt", "/etc/edge/node.key")
	if err != nil {
		log.Fatal(err)
	}
	ca, err := os.ReadFile("/etc/edge/pop-ca.pem")
	if err != nil {
		log.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)

	srv := grpc.NewServer(
		grpc.Creds(credentials.NewTLS(&tls.Config{Certificates: []tls.Certificate{cert}, ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert})),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 10 * time.Minute,
			Time:              time.Minute,
			Timeout:           20 * time.Second,
		}),
	)
	pb.RegisterAgentServer(srv, &agent.Server{Cache: &agent.Cache{Root: "/var/cache/edge"}})
	lis, err := net.Listen("tcp", ":7711")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

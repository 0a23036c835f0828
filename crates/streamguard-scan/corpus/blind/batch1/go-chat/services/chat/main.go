package main

import (
	"flag"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	"github.com/northwind/chat/chatpb"
)

func main() {
	addr := flag.String("addr", ":7443", "listen address")
	cert := flag.String("cert", "/etc/chat/tls.crt", "TLS certificate")
	key := flag.String("key", "/etc/chat/tls.key", "TLS key")
	flag.Parse()

	creds, err := credentials.NewServerTLSFromFile(*cert, *key)
	if err != nil {
		log.Fatalf("tls: %v", err)
	}
	srv := grpc.NewServer(grpc.Creds(creds), grpc.MaxConcurrentStreams(1000))
	chatpb.RegisterChatServer(srv, &chatServer{
		hub:  newHub(),
		auth: &authenticator{secret: []byte(os.Getenv("CHAT_JWT_SECRET"))},
	})

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	log.Printf("chat listening on %s", *addr)
	if err := srv.Serve(lis); err != nil {
		log.Fatal(err)
	}
}

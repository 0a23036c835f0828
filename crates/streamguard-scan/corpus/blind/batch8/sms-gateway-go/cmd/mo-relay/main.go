package main

import (
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
	"github.com/relaytel/smsgw/internal/inbound"
)

// mo-relay runs beside the SMPP binds; only the routing tier, inside the
// same private network, connects to it.
func main() {
	relay := inbound.NewRelay()
	srv := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionIdle: 5 * time.Minute,
		Time:              30 * time.Second,
		Timeout:           10 * time.Second,
	}))
	smsv1.RegisterInboundServer(srv, relay)
	go bindSmpp(relay)
	addr := os.Getenv("MO_RELAY_LISTEN")
	if addr == "" {
		addr = ":7071"
	}
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

// bindSmpp would read deliver_sm PDUs from the carrier binds; the bind code is
// in the smpp-bridge repository and feeds us over a unix socket.
func bindSmpp(relay *inbound.Relay) {
	conn, err := net.Dial("unix", "/run/smpp-bridge/mo.sock")
	if err != nil {
		log.Printf("mo socket: %v", err)
		return
	}
	defer conn.Close()
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		relay.Deliver(&smsv1.InboundSms{Body: string(buf[:n]), UnixMs: time.Now().UnixMilli()})
	}
}

package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"github.com/northwind/presence/presencepb"
)

type httpDirectory struct {
	base string
	hc   *http.Client
}

func (d *httpDirectory) Lookup(ctx context.Context, user string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, d.base+"/users/"+user, nil)
	if err != nil {
		return "", err
	}
	resp, err := d.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("X-Display-Name"), nil
}

func main() {
	srv := grpc.NewServer(
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle: 5 * time.Minute,
			Time:              2 * time.Minute,
			Timeout:           20 * time.Second,
		}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 30 * time.Second, PermitWithoutStream: true}),
	)
	ps := newPresenceServer(&httpDirectory{base: os.Getenv("DIRECTORY_URL"), hc: &http.Client{}})
	presencepb.RegisterPresenceServer(srv, ps)

	lis, err := net.Listen("tcp", ":7444")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(lis))
}

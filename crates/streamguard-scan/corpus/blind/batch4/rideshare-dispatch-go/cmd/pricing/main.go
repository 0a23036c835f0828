package main

import (
	"context"
	"log"
	"math"
	"net"
	"os"

	dispatchv1 "github.com/ridely/dispatch/gen/dispatch/v1"
	"google.golang.org/grpc"
)

type pricer struct {
	dispatchv1.UnimplementedPricingServer
	baseCents int64
}

func (p *pricer) Quote(ctx context.Context, req *dispatchv1.QuoteRequest) (*dispatchv1.QuoteResponse, error) {
	dist := math.Hypot(req.GetPickupLat(), req.GetPickupLng())
	return &dispatchv1.QuoteResponse{FareCents: p.baseCents + int64(dist*10)}, nil
}

func main() {
	lis, err := net.Listen("tcp", envOr("PRICING_LISTEN", ":7071"))
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	dispatchv1.RegisterPricingServer(s, &pricer{baseCents: 250})
	log.Fatal(s.Serve(lis))
}

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}

package main

import (
	"context"
	"fmt"

	"google.golang.org/grpc"
)

// fleetClient allocates and warms dedicated game servers (fleet-allocator's unary API,
// invoked by method name to avoid importing its proto module).
type fleetClient struct{ cc *grpc.ClientConn }

func newFleetClient(cc *grpc.ClientConn) *fleetClient { return &fleetClient{cc: cc} }

type allocation struct {
	Addr    string
	MatchID string
}

func (f *fleetClient) Allocate(ctx context.Context, mode string, players []string) (allocation, error) {
	var out struct{ Addr, MatchID string }
	err := f.cc.Invoke(ctx, "/arcadia.fleet.v1.Fleet/Allocate", &struct {
		Mode    string
		Players []string
	}{mode, players}, &out)
	if err != nil {
		return allocation{}, fmt.Errorf("allocate %s: %w", mode, err)
	}
	return allocation{Addr: out.Addr, MatchID: out.MatchID}, nil
}

func (f *fleetClient) Prewarm(ctx context.Context, mode string, region string) error {
	return f.cc.Invoke(ctx, "/arcadia.fleet.v1.Fleet/Prewarm", &struct{ Mode, Region string }{mode, region}, &struct{}{})
}

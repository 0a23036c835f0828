package plc

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Client talks to the valve-station PLC gateway (a unary gRPC service).
type Client struct{ cc *grpc.ClientConn }

func Dial(addr string) (*Client, error) {
	cc, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	return &Client{cc: cc}, err
}

func (c *Client) Fire(ctx context.Context, cannonID string, on bool) error {
	return c.cc.Invoke(ctx, "/snow.plc.v1.Gateway/Fire", &FireRequest{CannonId: cannonID, On: on}, &Empty{})
}

func (c *Client) SetNozzle(ctx context.Context, cannonID string, stage uint32) error {
	return c.cc.Invoke(ctx, "/snow.plc.v1.Gateway/SetNozzle", &NozzleRequest{CannonId: cannonID, Stage: stage}, &Empty{})
}

// Package plcbus sends commands to the linkspan PLC gateway over gRPC (generic Invoke).
package plcbus

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/structpb"
)

type Client struct{ Conn *grpc.ClientConn }

func (c *Client) Command(ctx context.Context, rampID, action string, height float32) (*structpb.Struct, error) {
	req, _ := structpb.NewStruct(map[string]any{"ramp": rampID, "action": action, "height": float64(height)})
	out := &structpb.Struct{}
	err := c.Conn.Invoke(ctx, "/linkspan.gateway.v1.Gateway/Command", req, out)
	return out, err
}

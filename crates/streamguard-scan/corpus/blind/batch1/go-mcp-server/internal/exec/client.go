package exec

import (
	"context"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
)

// Client wraps the executor service that actually runs tools.
type Client struct {
	conn *grpc.ClientConn
	mcpv1.ExecutorClient
}

func Dial(target string) (*Client, error) {
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultServiceConfig(`{"loadBalancingConfig":[{"round_robin":{}}]}`),
	)
	if err != nil {
		return nil, fmt.Errorf("dial executor: %w", err)
	}
	return &Client{conn: conn, ExecutorClient: mcpv1.NewExecutorClient(conn)}, nil
}

func (c *Client) Call(ctx context.Context, name string, args *mcpv1.CallToolRequest) (*mcpv1.CallToolResponse, error) {
	if args == nil {
		args = &mcpv1.CallToolRequest{}
	}
	args.Name = name
	return c.Run(ctx, args)
}

func (c *Client) Close() error { return c.conn.Close() }

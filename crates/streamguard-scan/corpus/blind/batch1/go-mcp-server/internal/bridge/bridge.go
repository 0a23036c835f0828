// Package bridge re-exports WatchResource from an upstream MCP server to
// clients that cannot reach it directly.
package bridge

import (
	"context"
	"errors"
	"io"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	mcpv1 "github.com/acme/mcp-server/gen/mcp/v1"
	"github.com/acme/mcp-server/internal/auth"
)

type Bridge struct {
	mcpv1.UnimplementedMcpStreamingServer

	upstream mcpv1.McpStreamingClient
	verifier *auth.Verifier
}

func New(upstream mcpv1.McpStreamingClient, v *auth.Verifier) *Bridge {
	return &Bridge{upstream: upstream, verifier: v}
}

func (b *Bridge) WatchResource(req *mcpv1.WatchResourceRequest, stream mcpv1.McpStreaming_WatchResourceServer) error {
	if _, err := b.verifier.FromContext(stream.Context()); err != nil {
		return status.Error(codes.Unauthenticated, "invalid_token")
	}

	md, _ := metadata.FromIncomingContext(stream.Context())
	out := metadata.NewOutgoingContext(context.Background(), metadata.Pairs("authorization", first(md.Get("authorization"))))
	up, err := b.upstream.WatchResource(out, req)
	if err != nil {
		return status.Errorf(codes.Unavailable, "upstream: %v", err)
	}
	for {
		upd, err := up.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := stream.Send(upd); err != nil {
			return err
		}
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

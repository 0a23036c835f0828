package rpc

import (
	"context"
	"time"

	"github.com/agentops/mcpd/gen/mcpv1"
	"github.com/agentops/mcpd/internal/auth"
	"github.com/agentops/mcpd/internal/tools"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Unary struct {
	mcpv1.UnimplementedMcpServer
	Tools *tools.Registry
}

func (u *Unary) ListTools(ctx context.Context, _ *mcpv1.ListToolsRequest) (*mcpv1.ListToolsResponse, error) {
	c := auth.FromContext(ctx)
	resp := &mcpv1.ListToolsResponse{}
	for _, t := range u.Tools.List() {
		if c.Has(t.Scope) {
			resp.Tools = append(resp.Tools, &mcpv1.Tool{Name: t.Name, Description: t.Description})
		}
	}
	return resp, nil
}

func (u *Unary) CallTool(ctx context.Context, req *mcpv1.CallToolRequest) (*mcpv1.CallToolResponse, error) {
	t, err := u.Tools.Lookup(req.GetName())
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	if !auth.FromContext(ctx).Has(t.Scope) {
		return nil, status.Error(codes.PermissionDenied, "insufficient_scope")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	return t.Run(ctx, req.GetArguments().AsMap(), func(float64, float64, string) {})
}

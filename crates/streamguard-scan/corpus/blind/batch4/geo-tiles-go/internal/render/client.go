package render

import (
	"context"
	"time"

	"example.com/geotiles/gen/tilesv1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Client struct{ rpc tilesv1.RendererClient }

func New(addr string) (*Client, error) {
	cc, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &Client{rpc: tilesv1.NewRendererClient(cc)}, nil
}

// Render caps a single render at 20s; ctx is the caller's stream context, so an earlier
// caller deadline or a cancel still wins.
func (c *Client) Render(ctx context.Context, req *tilesv1.RenderRequest) (*tilesv1.RenderResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	return c.rpc.Render(ctx, req)
}

func (c *Client) Apply(ctx context.Context, e *tilesv1.Edit) (*tilesv1.EditResult, error) {
	return c.rpc.ApplyEdit(ctx, e)
}

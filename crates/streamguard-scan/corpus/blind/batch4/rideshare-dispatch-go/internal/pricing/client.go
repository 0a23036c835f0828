package pricing

import (
	"context"
	"time"

	dispatchv1 "github.com/ridely/dispatch/gen/dispatch/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Client struct {
	rpc     dispatchv1.PricingClient
	timeout time.Duration
}

func Dial(addr string, timeout time.Duration) (*Client, error) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &Client{rpc: dispatchv1.NewPricingClient(conn), timeout: timeout}, nil
}

// Quote asks the pricing service for a fare. Pricing must answer quickly or the offer is
// dropped, so every call gets its own short timeout.
func (c *Client) Quote(req *dispatchv1.QuoteRequest) (int64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	resp, err := c.rpc.Quote(ctx, req)
	if err != nil {
		return 0, err
	}
	return resp.GetFareCents(), nil
}

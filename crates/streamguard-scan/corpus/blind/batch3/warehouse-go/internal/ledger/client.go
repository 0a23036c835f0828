package ledger

import (
	"context"

	"github.com/northwind/warehouse/gen/inventorypb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Client struct {
	api inventorypb.StockLedgerClient
}

func Dial(target string) (*Client, error) {
	cc, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &Client{api: inventorypb.NewStockLedgerClient(cc)}, nil
}

// Record writes an adjustment to the stock ledger.
func (c *Client) Record(ctx context.Context, e *inventorypb.LedgerEntry) (string, error) {
	r, err := c.api.Record(ctx, e)
	if err != nil {
		return "", err
	}
	return r.GetEntryId(), nil
}

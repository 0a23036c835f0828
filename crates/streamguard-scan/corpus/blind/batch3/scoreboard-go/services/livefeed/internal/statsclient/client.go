package statsclient

import (
	"context"
	"sync"

	"github.com/playbook/stats-api/api/statspb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Client struct {
	api   statspb.StatsClient
	mu    sync.RWMutex
	names map[string]string
}

func Dial(target string) (*Client, error) {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &Client{api: statspb.NewStatsClient(conn), names: map[string]string{}}, nil
}

// PlayerName resolves a player's display name, caching positive answers.
func (c *Client) PlayerName(ctx context.Context, playerID string) (string, error) {
	c.mu.RLock()
	name, ok := c.names[playerID]
	c.mu.RUnlock()
	if ok {
		return name, nil
	}
	p, err := c.api.GetPlayer(ctx, &statspb.GetPlayerRequest{PlayerId: playerID})
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.names[playerID] = p.GetName()
	c.mu.Unlock()
	return p.GetName(), nil
}

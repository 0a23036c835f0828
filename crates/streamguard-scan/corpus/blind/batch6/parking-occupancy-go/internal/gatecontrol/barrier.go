package gatecontrol

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// Barrier drives the lane controllers' local HTTP API.
type Barrier struct {
	HTTP  *http.Client
	Hosts map[string]string // lane id -> controller base URL
}

func (b *Barrier) Do(ctx context.Context, lane, action string) (string, error) {
	base, ok := b.Hosts[lane]
	if !ok {
		return "", fmt.Errorf("unknown lane %s", lane)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/barrier?action="+url.QueryEscape(action), nil)
	if err != nil {
		return "", err
	}
	resp, err := b.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("controller %s: %s", lane, resp.Status)
	}
	return resp.Header.Get("X-Barrier-State"), nil
}

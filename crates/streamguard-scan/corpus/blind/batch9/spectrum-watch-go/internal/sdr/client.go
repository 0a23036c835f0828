// Package sdr drives the remote receivers over their gRPC-over-VPN control API (JSON/HTTP bridge).
package sdr

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type Sweep struct {
	Dbm []float32 `json:"dbm"`
	Ts  int64     `json:"ts"`
}

func (c *Client) get(ctx context.Context, path string, q url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+path+"?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("receiver: %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Sweep(ctx context.Context, station string, start, stop float64) (*Sweep, error) {
	var s Sweep
	err := c.get(ctx, "/stations/"+station+"/sweep", url.Values{"start": {fmt.Sprint(start)}, "stop": {fmt.Sprint(stop)}}, &s)
	return &s, err
}

func (c *Client) Tune(ctx context.Context, station string, center, span float64, rbw uint32) (float64, error) {
	var out struct {
		Peak float64 `json:"peak_dbm"`
	}
	err := c.get(ctx, "/stations/"+station+"/tune", url.Values{"center": {fmt.Sprint(center)}, "span": {fmt.Sprint(span)}, "rbw": {fmt.Sprint(rbw)}}, &out)
	return out.Peak, err
}

// Package witsml reads and writes the well data store (WITSML 2.0 ETP bridge, REST facade).
package witsml

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Client struct {
	Base string
	HTTP *http.Client
}

type Params struct {
	BitDepth float64 `json:"bit_depth"`
	WOB      float64 `json:"wob"`
	RPM      float64 `json:"rpm"`
	SPP      float64 `json:"spp"`
	ROP      float64 `json:"rop"`
	UnixMs   int64   `json:"unix_ms"`
}

func (c *Client) Latest(ctx context.Context, well string) (Params, error) {
	var p Params
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/wells/%s/realtime/latest", c.Base, well), nil)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return p, err
	}
	defer resp.Body.Close()
	return p, json.NewDecoder(resp.Body).Decode(&p)
}

func (c *Client) Append(ctx context.Context, well string, sample any) error {
	body, _ := json.Marshal(sample)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/wells/%s/surveys", c.Base, well), bytes.NewReader(body))
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) SetPoint(ctx context.Context, well, param string, value float64) (float64, error) {
	body, _ := json.Marshal(map[string]any{"parameter": param, "value": value})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, fmt.Sprintf("%s/wells/%s/setpoints", c.Base, well), bytes.NewReader(body))
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct{ Applied float64 }
	return out.Applied, json.NewDecoder(resp.Body).Decode(&out)
}

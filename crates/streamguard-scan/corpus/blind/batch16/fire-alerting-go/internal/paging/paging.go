// Package paging notifies the county pager network (HTTP) that a crew acknowledged an incident.
package paging

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

func New(base string) *Client {
	return &Client{BaseURL: base, HTTP: &http.Client{Timeout: 10 * time.Second}}
}

func (c *Client) Acknowledge(ctx context.Context, incident, station, who string) error {
	body, _ := json.Marshal(map[string]string{"incident": incident, "station": station, "by": who})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/acks", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("content-type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("pager network: %s", resp.Status)
	}
	return nil
}

// Package weather reads anemometers on the lift towers.
package weather

import (
	"context"
	"encoding/json"
	"net/http"
)

type Client struct {
	URL  string
	HTTP *http.Client
}

func (c *Client) Wind(ctx context.Context, liftID string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.URL+"/towers/"+liftID+"/wind", nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		Gust float64 `json:"gust_ms"`
	}
	return out.Gust, json.NewDecoder(resp.Body).Decode(&out)
}

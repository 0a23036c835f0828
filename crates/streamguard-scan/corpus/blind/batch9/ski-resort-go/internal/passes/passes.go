// Package passes validates ski passes against the ticketing system.
package passes

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type Validation struct {
	Valid   bool   `json:"valid"`
	Reason  string `json:"reason"`
	Product string `json:"product"`
}

func (c *Client) Validate(ctx context.Context, passUID, gateID string) (*Validation, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/passes/%s/validate?gate=%s", c.BaseURL, passUID, gateID), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var v Validation
	return &v, json.NewDecoder(resp.Body).Decode(&v)
}

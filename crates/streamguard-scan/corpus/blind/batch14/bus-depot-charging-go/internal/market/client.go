// Package market prices a charging plan against the day-ahead market.
package market

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	Base string
	http *http.Client
}

func New(base string) *Client {
	return &Client{Base: base, http: &http.Client{Timeout: 10 * time.Second}}
}

func (c *Client) Quote(depot string, kwh float64, readyBy time.Time) (float64, error) {
	req, err := http.NewRequest(http.MethodGet,
		fmt.Sprintf("%s/quote?area=%s&kwh=%.1f&by=%d", c.Base, depot, kwh, readyBy.Unix()), nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var q struct {
		CostEur float64 `json:"cost_eur"`
	}
	return q.CostEur, json.NewDecoder(resp.Body).Decode(&q)
}

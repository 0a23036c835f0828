package carrier

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Client talks to the carriers' aggregated tracking API.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type Event struct {
	Status   string    `json:"status"`
	Location string    `json:"location"`
	At       time.Time `json:"at"`
}

func (c *Client) Events(ctx context.Context, carrier, ref string, since time.Time) ([]Event, error) {
	url := fmt.Sprintf("%s/v2/%s/shipments/%s/events?since=%d", c.BaseURL, carrier, ref, since.Unix())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("carrier api: %s for %s/%s", resp.Status, carrier, ref)
	}
	var out []Event
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

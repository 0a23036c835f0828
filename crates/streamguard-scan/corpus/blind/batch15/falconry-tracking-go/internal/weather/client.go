package weather

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Client fetches the wind at a flying ground from the met office's point API.
type Client struct {
	Base string
	http *http.Client
}

func New(base string) *Client {
	return &Client{Base: base, http: &http.Client{Timeout: 10 * time.Second}}
}

func (c *Client) WindAt(lat, lon float64) (float64, error) {
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/point?lat=%.4f&lon=%.4f", c.Base, lat, lon), nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var body struct {
		WindMps float64 `json:"wind_mps"`
	}
	return body.WindMps, json.NewDecoder(resp.Body).Decode(&body)
}

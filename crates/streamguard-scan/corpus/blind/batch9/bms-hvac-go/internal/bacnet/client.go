// Package bacnet talks to the BACnet/IP gateway's REST API.
package bacnet

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type writeReq struct {
	Property string `json:"property"`
	Value    string `json:"value"`
	Priority int    `json:"priority"`
}

// WriteProperty writes a property at priority 8 (manual operator) and returns the read-back value.
func (c *Client) WriteProperty(ctx context.Context, deviceID, property, value string) (string, error) {
	body, _ := json.Marshal(writeReq{Property: property, Value: value, Priority: 8})
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, fmt.Sprintf("%s/devices/%s/properties", c.BaseURL, deviceID), bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("content-type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("bacnet gateway: %s", resp.Status)
	}
	var out struct {
		ReadBack string `json:"read_back"`
	}
	return out.ReadBack, json.NewDecoder(resp.Body).Decode(&out)
}

// Package snmp talks to the PDUs' management cards through the DC's SNMP gateway (HTTP/JSON).
package snmp

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

type Outlet struct {
	PDU    string  `json:"pdu"`
	Outlet uint32  `json:"outlet"`
	Amps   float64 `json:"amps"`
	Watts  float64 `json:"watts"`
	State  string  `json:"state"`
}

// Outlets reads all outlets of a rack; ctx carries the caller's deadline and cancellation.
func (c *Client) Outlets(ctx context.Context, rack string) ([]Outlet, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/racks/%s/outlets", c.Base, rack), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out []Outlet
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func (c *Client) Switch(ctx context.Context, pdu string, outlet uint32, action string) (string, error) {
	body, _ := json.Marshal(map[string]any{"action": action})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/pdus/%s/outlets/%d", c.Base, pdu, outlet), bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var st struct{ State string }
	return st.State, json.NewDecoder(resp.Body).Decode(&st)
}

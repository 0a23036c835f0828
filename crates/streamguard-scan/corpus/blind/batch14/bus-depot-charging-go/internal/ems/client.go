// Package ems talks to the depot energy-management system (REST).
package ems

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

type Depot struct {
	LoadKw      float64 `json:"load_kw"`
	GridLimitKw float64 `json:"grid_limit_kw"`
	Buses       []struct {
		BusID     string  `json:"bus_id"`
		SocPct    float64 `json:"soc_pct"`
		ChargerID string  `json:"charger_id"`
		ReadyBy   int64   `json:"ready_by"`
	} `json:"buses"`
}

func (c *Client) Depot(ctx context.Context, id string) (*Depot, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/depots/%s", c.Base, id), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var d Depot
	return &d, json.NewDecoder(resp.Body).Decode(&d)
}

// ReportCharger sends a charger's reading and returns the power cap the EMS
// allows it under the depot's grid limit.
func (c *Client) ReportCharger(ctx context.Context, chargerID string, powerKw, socPct float64) (float64, error) {
	body, _ := json.Marshal(map[string]any{"power_kw": powerKw, "soc_pct": socPct})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/chargers/%s/report", c.Base, chargerID), bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		MaxPowerKw float64 `json:"max_power_kw"`
	}
	return out.MaxPowerKw, json.NewDecoder(resp.Body).Decode(&out)
}

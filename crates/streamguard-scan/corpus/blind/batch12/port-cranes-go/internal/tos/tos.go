// Package tos is a small client of the terminal operating system's REST API.
package tos

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	Base string
	HTTP *http.Client
}

type BerthWork struct {
	Vessel        string `json:"vessel"`
	MovesDone     uint32 `json:"moves_done"`
	MovesLeft     uint32 `json:"moves_left"`
	EtaCompletion string `json:"eta_completion"`
}

// Berth fetches the current vessel operation at a berth. The TOS is slow under
// load; give it a fixed budget independent of who is asking.
func (c *Client) Berth(berthID string) (*BerthWork, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/berths/%s/work", c.Base, berthID), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var w BerthWork
	return &w, json.NewDecoder(resp.Body).Decode(&w)
}

// Move forwards a crane move to the TOS, bounded by the caller's context.
func (c *Client) Move(ctx context.Context, craneID, move, container, bay string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		fmt.Sprintf("%s/cranes/%s/moves?kind=%s&container=%s&bay=%s", c.Base, craneID, move, container, bay), nil)
	if err != nil {
		return "", err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		State string `json:"state"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.State, err
}

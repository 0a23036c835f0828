// Package budget talks to the campaign budget service (pacing and reservations).
package budget

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Client of the budget service's HTTP API.
type Client struct {
	Base string
	HTTP *http.Client
}

// Reservation of spend for one bid.
type Reservation struct {
	ID       string `json:"id"`
	Accepted bool   `json:"accepted"`
	Reason   string `json:"reason"`
}

// Reserve holds priceMicros of campaign's remaining budget for a bid.
func (c *Client) Reserve(ctx context.Context, seat, campaign string, priceMicros int64) (*Reservation, error) {
	q := url.Values{"seat": {seat}, "campaign": {campaign}, "micros": {strconv.FormatInt(priceMicros, 10)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/v2/reservations?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("budget reserve: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("budget reserve: status %d", resp.StatusCode)
	}
	var r Reservation
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, fmt.Errorf("budget reserve: %w", err)
	}
	return &r, nil
}

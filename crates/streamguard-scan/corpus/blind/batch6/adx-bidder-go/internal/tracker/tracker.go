// Package tracker records bids in the event pipeline (Kafka REST proxy).
package tracker

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type Tracker struct {
	URL  string
	HTTP *http.Client
}

type BidEvent struct {
	AuctionID   string    `json:"auction_id"`
	Seat        string    `json:"seat"`
	Campaign    string    `json:"campaign"`
	PriceMicros int64     `json:"price_micros"`
	Accepted    bool      `json:"accepted"`
	At          time.Time `json:"at"`
}

// Record posts one bid event; retried three times with backoff.
func (t *Tracker) Record(ctx context.Context, ev BidEvent) error {
	body, _ := json.Marshal(map[string]any{"records": []any{map[string]any{"value": ev}}})
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var req *http.Request
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, t.URL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/vnd.kafka.json.v2+json")
		var resp *http.Response
		resp, err = t.HTTP.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 300 {
				return nil
			}
		}
		time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
	}
	return err
}

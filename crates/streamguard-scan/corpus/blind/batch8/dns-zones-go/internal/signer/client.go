package signer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Client asks the DNSSEC signer (an HSM-backed service) to sign an RRset.
type Client struct {
	URL  string
	HTTP *http.Client
}

type RRset struct {
	Zone, Name, Type string
	TTL              uint32
	RData            []string
}

// Sign derives its deadline from the caller's context; the 5 s cap only
// shortens a longer caller deadline, it never extends it.
func (c *Client) Sign(ctx context.Context, set RRset) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	body, _ := json.Marshal(set)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL+"/v1/sign", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("signer answered %d", resp.StatusCode)
	}
	var out struct{ RRSIG []string }
	return out.RRSIG, json.NewDecoder(resp.Body).Decode(&out)
}

package historian

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	Base string
	HTTP *http.Client
}

type Sample struct {
	RTU    string  `json:"rtu"`
	Kpa    float64 `json:"kpa"`
	Flow   float64 `json:"flow"`
	UnixMs int64   `json:"ts"`
}

type Balance struct {
	MinKpa       float64 `json:"min_kpa"`
	ImbalancePct float64 `json:"imbalance_pct"`
	UnixMs       int64   `json:"ts"`
}

func (c *Client) get(ctx context.Context, path string, q url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+path+"?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("historian %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// SegmentBalance returns the mass-balance of a segment over the last window.
func (c *Client) SegmentBalance(ctx context.Context, segment string, window time.Duration) (*Balance, error) {
	var b Balance
	err := c.get(ctx, "/segments/"+url.PathEscape(segment)+"/balance", url.Values{"window": {window.String()}}, &b)
	return &b, err
}

func (c *Client) Samples(ctx context.Context, segment string, from, to time.Time) ([]Sample, error) {
	var out []Sample
	err := c.get(ctx, "/segments/"+url.PathEscape(segment)+"/samples",
		url.Values{"from": {from.Format(time.RFC3339Nano)}, "to": {to.Format(time.RFC3339Nano)}}, &out)
	return out, err
}

func (c *Client) Write(ctx context.Context, s Sample) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/samples", jsonBody(s))
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

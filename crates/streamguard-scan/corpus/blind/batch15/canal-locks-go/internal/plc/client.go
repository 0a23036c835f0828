package plc

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Client talks to the SCADA gateway that fronts each lock's PLC.
type Client struct {
	Base string
	HTTP *http.Client
}

type Levels struct {
	Upper, Chamber, Lower float64
	UpperGates            string `json:"upper_gates"`
	LowerGates            string `json:"lower_gates"`
}

func (c *Client) Levels(ctx context.Context, lock string) (*Levels, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+"/locks/"+url.PathEscape(lock)+"/levels", nil)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var l Levels
	return &l, json.NewDecoder(resp.Body).Decode(&l)
}

func (c *Client) Operate(ctx context.Context, lock, op string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.Base+"/locks/"+url.PathEscape(lock)+"/ops",
		strings.NewReader(fmt.Sprintf(`{"op":%q}`, op)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("scada: %s", resp.Status)
	}
	return nil
}

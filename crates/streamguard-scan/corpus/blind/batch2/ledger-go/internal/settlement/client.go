package settlement

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Client posts settlements to the core banking gateway.
type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type postBody struct {
	ID       string `json:"id"`
	Account  string `json:"account"`
	Amount   int64  `json:"amount_minor"`
	Currency string `json:"currency"`
}

func (c *Client) Post(ctx context.Context, id, account string, amount int64, currency string) error {
	b, _ := json.Marshal(postBody{ID: id, Account: account, Amount: amount, Currency: currency})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v2/settlements", bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", id)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("settlement %s: gateway returned %s", id, resp.Status)
	}
	return nil
}

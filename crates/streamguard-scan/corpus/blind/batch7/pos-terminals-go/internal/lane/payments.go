package lane

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Payments talks to the card acquirer's gateway.
type Payments struct {
	URL    string
	Client *http.Client
}

type authReq struct {
	Token  string `json:"token"`
	Amount int64  `json:"amount"`
	Store  string `json:"store"`
}

func (p *Payments) Authorize(ctx context.Context, storeID, cardToken string, cents int64) (string, error) {
	body, _ := json.Marshal(authReq{Token: cardToken, Amount: cents, Store: storeID})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.URL+"/v2/authorizations", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("content-type", "application/json")
	resp, err := p.Client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct {
		Code   string `json:"code"`
		AuthID string `json:"auth_id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	if out.Code != "00" {
		return "", fmt.Errorf("declined: %s", out.Code)
	}
	return out.AuthID, nil
}

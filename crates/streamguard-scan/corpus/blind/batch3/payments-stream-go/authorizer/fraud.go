package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/tillpay/authorizer/pb"
)

type FraudClient struct {
	URL  string
	HTTP *http.Client
}

type fraudVerdict struct {
	Score  float64 `json:"score"`
	Action string  `json:"action"`
	Reason string  `json:"reason"`
}

func (f *FraudClient) Score(ctx context.Context, terminalID string, req *pb.AuthRequest) (*fraudVerdict, error) {
	body, _ := json.Marshal(map[string]any{
		"terminal":  terminalID,
		"merchant":  req.GetMerchantId(),
		"card":      req.GetCardToken(),
		"amount":    req.GetAmountMinor(),
		"currency":  req.GetCurrency(),
		"mcc":       req.GetMcc(),
	})
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, f.URL, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	httpReq.Header.Set("Content-Type", "application/json")
	resp, err := f.HTTP.Do(httpReq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fraud service: %s", resp.Status)
	}
	var v fraudVerdict
	return &v, json.NewDecoder(resp.Body).Decode(&v)
}

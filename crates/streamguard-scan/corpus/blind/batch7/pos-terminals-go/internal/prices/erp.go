// Package prices serves price changes from the ERP's price-book export.
package prices

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type Change struct {
	SKU     string `json:"sku"`
	Cents   int64  `json:"price_cents"`
	PromoID string `json:"promo_id"`
	Version int64  `json:"version"`
}

type ERP struct {
	BaseURL string
	client  *http.Client
}

func NewERP(base string) *ERP {
	return &ERP{BaseURL: base, client: &http.Client{Timeout: 30 * time.Second}}
}

// Since returns the changes for store after version, oldest first.
func (e *ERP) Since(ctx context.Context, store string, version int64) ([]Change, error) {
	u := fmt.Sprintf("%s/pricebook/%s/changes?since=%d", e.BaseURL, url.PathEscape(store), version)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("erp: %s", resp.Status)
	}
	var out []Change
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

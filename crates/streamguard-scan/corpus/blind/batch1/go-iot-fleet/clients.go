package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	fleetpb "github.com/fleetops/fleetd/proto"
)

type httpIngest struct {
	base string
	hc   *http.Client
}

func newIngestClient(base string) *httpIngest { return &httpIngest{base: base, hc: http.DefaultClient} }

func (h *httpIngest) Write(ctx context.Context, device string, batch []*fleetpb.Sample) error {
	body, _ := json.Marshal(batch)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.base+"/v1/devices/"+device+"/samples", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := h.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("ingest status %d", resp.StatusCode)
	}
	return nil
}

type registryClient struct {
	base string
	hc   *http.Client
}

func newRegistryClient(base string) *registryClient {
	return &registryClient{base: base, hc: http.DefaultClient}
}

func (r *registryClient) Pending(ctx context.Context, device string) ([]*fleetpb.Command, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+"/v1/devices/"+device+"/commands?state=pending", nil)
	if err != nil {
		return nil, err
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out []*fleetpb.Command
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func (r *registryClient) RevokedTokenIDs() ([]string, error) {
	resp, err := r.hc.Get(r.base + "/v1/tokens/revoked")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var ids []string
	return ids, json.NewDecoder(resp.Body).Decode(&ids)
}

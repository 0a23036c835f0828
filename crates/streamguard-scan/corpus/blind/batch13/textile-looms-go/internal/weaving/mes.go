package weaving

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"weavecorp.io/looms/gen/loomspb"
)

// MESClient talks to the mill's manufacturing execution system.
type MESClient struct {
	Base string
	HTTP *http.Client
}

func (m *MESClient) Report(ctx context.Context, f *loomspb.LoomFrame) (*loomspb.LoomDirective, error) {
	body, _ := json.Marshal(map[string]any{"loom": f.LoomId, "picks": f.Picks, "stop": f.StopReason, "at": f.UnixMs})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, m.Base+"/looms/"+f.LoomId+"/events", bytes.NewReader(body))
	req.Header.Set("content-type", "application/json")
	resp, err := m.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNoContent {
		return nil, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var d loomspb.LoomDirective
	return &d, json.NewDecoder(resp.Body).Decode(&d)
}

func (m *MESClient) ShedState(ctx context.Context, shed string) (*loomspb.ShedSnapshot, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, m.Base+"/sheds/"+shed+"/state", nil)
	resp, err := m.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var s loomspb.ShedSnapshot
	return &s, json.NewDecoder(resp.Body).Decode(&s)
}

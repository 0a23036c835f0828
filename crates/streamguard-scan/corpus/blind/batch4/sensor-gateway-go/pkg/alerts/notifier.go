package alerts

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"git.internal/plant/sensor-gateway/gen/sensorspb"
)

// Notifier posts alerts to the shift supervisors' paging webhook.
type Notifier struct {
	WebhookURL string
	Client     *http.Client
}

func (n *Notifier) Notify(ctx context.Context, a *sensorspb.Alert) error {
	body, _ := json.Marshal(map[string]any{"device": a.GetDeviceId(), "sensor": a.GetSensor(), "value": a.GetValue(), "rule": a.GetRule()})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.WebhookURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("content-type", "application/json")
	resp, err := n.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("pager webhook: %s", resp.Status)
	}
	return nil
}

// Package archive ships raw sensor batches to the open-data object store.
package archive

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

// Put uploads one batch, retrying a few times on 5xx.
func (c *Client) Put(ctx context.Context, sensor string, batch any) error {
	body, _ := json.Marshal(batch)
	for attempt := 0; attempt < 5; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPut,
			fmt.Sprintf("%s/raw/%s/%d.json", c.BaseURL, sensor, time.Now().UnixNano()), bytes.NewReader(body))
		resp, err := c.HTTP.Do(req)
		if err == nil && resp.StatusCode < 500 {
			resp.Body.Close()
			return nil
		}
		if resp != nil {
			resp.Body.Close()
		}
		slog.Warn("archive put failed", "sensor", sensor, "attempt", attempt, "err", err)
		time.Sleep(time.Duration(attempt+1) * 10 * time.Second)
	}
	return fmt.Errorf("archive: giving up on %s", sensor)
}

package tower

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Actuator drives the bell motors of the silenced-practice rig through the tower's
// controller (an HTTP service on the ringing-room Raspberry Pi).
type Actuator struct {
	BaseURL string
	HTTP    *http.Client
}

func (a *Actuator) Strike(ctx context.Context, tower string, bell uint32, stroke string) error {
	body, _ := json.Marshal(map[string]any{"bell": bell, "stroke": stroke})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		fmt.Sprintf("%s/towers/%s/strike", a.BaseURL, tower), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("controller: %s", resp.Status)
	}
	return nil
}

const strikeTimeout = 5 * time.Second

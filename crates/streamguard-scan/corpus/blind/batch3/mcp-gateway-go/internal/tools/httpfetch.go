package tools

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

var httpClient = &http.Client{Timeout: 30 * time.Second}

func fetch(ctx context.Context, url string, limit int64) (string, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("User-Agent", "mcpd/1.3")
	resp, err := httpClient.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		return "", resp.StatusCode, err
	}
	if resp.StatusCode >= 400 {
		return string(body), resp.StatusCode, fmt.Errorf("upstream %s", resp.Status)
	}
	return string(body), resp.StatusCode, nil
}

// Package photos links lift photo captures to skiers.
package photos

import (
	"context"
	"fmt"
	"net/http"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

func (c *Client) Sign(ctx context.Context, photoID string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/photos/%s/sign", c.BaseURL, photoID), nil)
	if err != nil {
		return "", err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("location"), nil
}

package cas

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// Client talks to the content-addressable store over its HTTP API.
type Client struct {
	Base string
	HTTP *http.Client
}

func (c *Client) Missing(ctx context.Context, hashes []string) ([]string, error) {
	var missing []string
	for _, h := range hashes {
		req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.Base+"/cas/"+url.PathEscape(h), nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.HTTP.Do(req)
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusNotFound {
			missing = append(missing, h)
		}
	}
	return missing, nil
}

func (c *Client) ReadLog(ctx context.Context, op string, offset int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/logs/%s?offset=%d", c.Base, url.PathEscape(op), offset), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("cas: %s", resp.Status)
	}
	return io.ReadAll(resp.Body)
}

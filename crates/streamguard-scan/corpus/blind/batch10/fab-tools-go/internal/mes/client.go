package mes

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// Client of the MES recipe management REST API.
type Client struct {
	Base string
	HTTP *http.Client
}

func (c *Client) do(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return nil, fmt.Errorf("mes %s %s: %s", method, path, resp.Status)
	}
	return out, nil
}

func (c *Client) Recipe(ctx context.Context, tool, recipe string) ([]byte, error) {
	return c.do(ctx, http.MethodGet, "/tools/"+url.PathEscape(tool)+"/recipes/"+url.PathEscape(recipe), nil)
}

func (c *Client) EditRecipe(ctx context.Context, tool, recipe string, body []byte) error {
	_, err := c.do(ctx, http.MethodPut, "/tools/"+url.PathEscape(tool)+"/recipes/"+url.PathEscape(recipe), body)
	return err
}

func (c *Client) Approve(ctx context.Context, tool, recipe, by string) error {
	_, err := c.do(ctx, http.MethodPost, "/tools/"+url.PathEscape(tool)+"/recipes/"+url.PathEscape(recipe)+"/approve?by="+url.QueryEscape(by), nil)
	return err
}

// Traces reads the latest FDC samples of a chamber.
func (c *Client) Traces(ctx context.Context, tool, chamber string, since int64) ([]byte, error) {
	return c.do(ctx, http.MethodGet, fmt.Sprintf("/fdc/%s/%s?since=%d", url.PathEscape(tool), url.PathEscape(chamber), since), nil)
}

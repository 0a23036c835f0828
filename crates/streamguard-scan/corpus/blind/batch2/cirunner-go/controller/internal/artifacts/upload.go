package artifacts

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

type Uploader struct {
	base string
	hc   *http.Client
}

func NewUploader(base string) *Uploader { return &Uploader{base: base, hc: &http.Client{}} }

// Mirror pulls an artifact from the agent's local URL and stores it in the artifact store.
func (u *Uploader) Mirror(ctx context.Context, jobID, name, localURL string) error {
	src, err := http.NewRequestWithContext(ctx, http.MethodGet, localURL, nil)
	if err != nil {
		return err
	}
	resp, err := u.hc.Do(src)
	if err != nil {
		return err
	}
	defer resp.Body.Close()

	dst := fmt.Sprintf("%s/jobs/%s/artifacts/%s", u.base, url.PathEscape(jobID), url.PathEscape(name))
	put, err := http.NewRequestWithContext(ctx, http.MethodPut, dst, io.NopCloser(resp.Body))
	if err != nil {
		return err
	}
	put.ContentLength = resp.ContentLength
	out, err := u.hc.Do(put)
	if err != nil {
		return err
	}
	out.Body.Close()
	if out.StatusCode >= 300 {
		return fmt.Errorf("artifact store: %s", out.Status)
	}
	return nil
}

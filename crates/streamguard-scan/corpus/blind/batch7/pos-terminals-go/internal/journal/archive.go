// Package journal stores end-of-day electronic journals in the audit bucket.
package journal

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

type Archive struct {
	BaseURL string
	Client  *http.Client
}

func (a *Archive) Put(ctx context.Context, store string, lane uint32, lines []string) error {
	key := fmt.Sprintf("%s/%s/lane-%02d.ej", time.Now().Format("2006-01-02"), store, lane)
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, a.BaseURL+"/"+key, bytes.NewBufferString(strings.Join(lines, "\n")))
	if err != nil {
		return err
	}
	resp, err := a.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("archive answered %s", resp.Status)
	}
	return nil
}

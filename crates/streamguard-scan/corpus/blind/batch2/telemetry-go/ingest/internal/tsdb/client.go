package tsdb

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
)

type Point struct {
	Metric string
	Labels map[string]string
	Value  float64
	UnixMs int64
}

type Writer struct {
	url string
	hc  *http.Client
}

func NewWriter(base string) *Writer {
	return &Writer{url: strings.TrimRight(base, "/") + "/api/v1/import/prometheus", hc: &http.Client{}}
}

func (w *Writer) Write(ctx context.Context, pts []Point) error {
	var buf bytes.Buffer
	for _, p := range pts {
		buf.WriteString(p.Metric)
		if len(p.Labels) > 0 {
			buf.WriteByte('{')
			first := true
			for k, v := range p.Labels {
				if !first {
					buf.WriteByte(',')
				}
				first = false
				fmt.Fprintf(&buf, "%s=%q", k, v)
			}
			buf.WriteByte('}')
		}
		fmt.Fprintf(&buf, " %g %d\n", p.Value, p.UnixMs)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, &buf)
	if err != nil {
		return err
	}
	resp, err := w.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("tsdb: %s", resp.Status)
	}
	return nil
}

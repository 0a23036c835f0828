package tsdb

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
)

// Writer batches readings into the line protocol of the plant's time-series database.
type Writer struct {
	URL  string
	HTTP *http.Client
}

type Point struct {
	Device, Sensor string
	Value          float64
	AtUnixMs       int64
}

func (w *Writer) Write(ctx context.Context, pts []Point) error {
	var b strings.Builder
	for _, p := range pts {
		fmt.Fprintf(&b, "reading,device=%s,sensor=%s value=%g %d\n", p.Device, p.Sensor, p.Value, p.AtUnixMs*1_000_000)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL+"/api/v2/write?precision=ns", bytes.NewBufferString(b.String()))
	if err != nil {
		return err
	}
	resp, err := w.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("tsdb write: %s", resp.Status)
	}
	return nil
}

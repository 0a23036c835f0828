// Package ocr calls the document-verification vendor's REST API.
package ocr

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Timeout: 60 * time.Second}

type Result struct {
	Status    string `json:"status"`
	ObjectKey string `json:"object_key"`
}

func Submit(ctx context.Context, docType string, content []byte) (Result, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, os.Getenv("OCR_VENDOR_URL")+"/v3/documents?type="+docType, bytes.NewReader(content))
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("authorization", "Bearer "+os.Getenv("OCR_VENDOR_KEY"))
	resp, err := client.Do(req)
	if err != nil {
		return Result{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return Result{}, fmt.Errorf("ocr vendor: %s", resp.Status)
	}
	var r Result
	return r, json.NewDecoder(resp.Body).Decode(&r)
}

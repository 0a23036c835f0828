package carrier

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Router submits MT messages to the carrier chosen for the destination. The
// SMPP binds live in the smpp-bridge; we talk to it over HTTP.
type Router struct {
	BridgeURL string
	Client    *http.Client
}

var ErrThrottled = errors.New("carrier throttled")

func (r *Router) Submit(ctx context.Context, sender, to, body string) (string, error) {
	form := url.Values{"from": {sender}, "to": {to}, "text": {body}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.BridgeURL+"/submit_sm", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := r.Client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return resp.Header.Get("X-Message-Id"), nil
	case http.StatusTooManyRequests:
		return "", ErrThrottled
	default:
		return "", fmt.Errorf("smpp bridge answered %d", resp.StatusCode)
	}
}

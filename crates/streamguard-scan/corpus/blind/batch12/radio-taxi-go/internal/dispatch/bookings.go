package dispatch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	taxiv1 "github.com/cabco/radio-taxi/gen/taxi/v1"
)

// HTTPBookings talks to the booking service; every request carries the
// caller's context (deadline and cancellation).
type HTTPBookings struct {
	Base   string
	Client *http.Client
}

func (b *HTTPBookings) do(ctx context.Context, method, path string, in, out any) error {
	var body bytes.Buffer
	if in != nil {
		_ = json.NewEncoder(&body).Encode(in)
	}
	req, err := http.NewRequestWithContext(ctx, method, b.Base+path, &body)
	if err != nil {
		return err
	}
	req.Header.Set("content-type", "application/json")
	resp, err := b.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("bookings: %s", resp.Status)
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

func (b *HTTPBookings) Accept(ctx context.Context, bookingID, driverID string) (string, uint32, error) {
	var out struct {
		Pickup string `json:"pickup"`
		EtaS   uint32 `json:"eta_s"`
	}
	err := b.do(ctx, http.MethodPost, "/bookings/"+bookingID+"/accept", map[string]string{"driver_id": driverID}, &out)
	return out.Pickup, out.EtaS, err
}

func (b *HTTPBookings) Complete(ctx context.Context, bookingID string, fareCents uint32) error {
	return b.do(ctx, http.MethodPost, "/bookings/"+bookingID+"/complete", map[string]uint32{"fare_cents": fareCents}, nil)
}

func (b *HTTPBookings) NextOffer(ctx context.Context, driverID string) (*taxiv1.DispatchOffer, error) {
	var o taxiv1.DispatchOffer
	if err := b.do(ctx, http.MethodPost, "/drivers/"+driverID+"/next", nil, &o); err != nil {
		return nil, err
	}
	return &o, nil
}

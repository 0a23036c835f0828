package notify

import (
	"testing"

	"github.com/tillpay/notifier/api/notifypb"
)

func TestBroadcastFiltersByMerchantAndType(t *testing.T) {
	h := NewHub()
	a := h.add("m-1", []string{"payment.succeeded"})
	b := h.add("m-2", nil)
	defer h.remove(a)
	defer h.remove(b)

	h.Broadcast(&notifypb.Event{EventId: "e1", MerchantId: "m-1", Type: "payment.succeeded"})
	h.Broadcast(&notifypb.Event{EventId: "e2", MerchantId: "m-1", Type: "refund.created"})

	if got := len(a.ch); got != 1 {
		t.Fatalf("subscriber a got %d events, want 1", got)
	}
	if got := len(b.ch); got != 0 {
		t.Fatalf("subscriber b got %d events, want 0", got)
	}
}

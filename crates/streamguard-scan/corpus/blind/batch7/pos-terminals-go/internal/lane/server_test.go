package lane

import (
	"testing"

	posv1 "github.com/brightmart/pos/gen/posv1"
)

func TestReply(t *testing.T) {
	r := reply("r1", "OK", "fine")
	if r.GetRequestId() != "r1" || r.GetStatus() != "OK" || r.GetMessage() != "fine" {
		t.Fatalf("unexpected %+v", r)
	}
}

func TestLaneRequestOneof(t *testing.T) {
	req := &posv1.LaneRequest{RequestId: "x", Scan: &posv1.Scan{Sku: "4006381333931", Qty: 2}}
	if req.GetScan().GetQty() != 2 || req.GetVoid() != nil {
		t.Fatal("oneof accessors")
	}
}

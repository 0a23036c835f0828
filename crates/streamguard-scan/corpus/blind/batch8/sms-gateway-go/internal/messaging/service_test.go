package messaging

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	smsv1 "github.com/relaytel/smsgw/gen/smsv1"
	"github.com/relaytel/smsgw/internal/dlr"
)

type fakeDlrStream struct {
	grpc.ServerStream
	ctx  context.Context
	sent []*smsv1.DeliveryReport
}

func (f *fakeDlrStream) Context() context.Context       { return f.ctx }
func (f *fakeDlrStream) Send(r *smsv1.DeliveryReport) error { f.sent = append(f.sent, r); return nil }
func (f *fakeDlrStream) SetHeader(metadata.MD) error      { return nil }

func TestWatchDeliveryReportsStopsWhenClientLeaves(t *testing.T) {
	b := dlr.NewBroker()
	s := &Service{DLR: b}
	ctx, cancel := context.WithCancel(context.Background())
	st := &fakeDlrStream{ctx: ctx}
	done := make(chan error, 1)
	go func() { done <- s.WatchDeliveryReports(&smsv1.WatchDlrRequest{}, st) }()
	time.Sleep(20 * time.Millisecond)
	b.Publish("", &smsv1.DeliveryReport{MessageId: "m1", Status: "DELIVRD"})
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("handler did not return after cancel")
	}
	if len(st.sent) != 1 {
		t.Fatalf("sent %d reports, want 1", len(st.sent))
	}
}

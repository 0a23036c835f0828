package service

import (
	"context"
	"io"
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"

	"gitlab.com/voltgrid/edge/ingest/pb"
)

type fakePublish struct {
	grpc.ServerStream
	ctx  context.Context
	msgs []*pb.Reading
	ack  *pb.PublishAck
}

func (f *fakePublish) Context() context.Context { return f.ctx }
func (f *fakePublish) Recv() (*pb.Reading, error) {
	if len(f.msgs) == 0 {
		return nil, io.EOF
	}
	m := f.msgs[0]
	f.msgs = f.msgs[1:]
	return m, nil
}
func (f *fakePublish) SendAndClose(a *pb.PublishAck) error { f.ack = a; return nil }
func (f *fakePublish) SetHeader(metadata.MD) error         { return nil }

func TestPeerLimiterDropsBurst(t *testing.T) {
	l := NewPeerLimiter(1, 2)
	ctx := peer.NewContext(context.Background(), &peer.Peer{Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 40000}})
	allowed := 0
	for i := 0; i < 5; i++ {
		if l.Allow(ctx) {
			allowed++
		}
	}
	if allowed != 2 {
		t.Fatalf("allowed %d, want 2", allowed)
	}
}

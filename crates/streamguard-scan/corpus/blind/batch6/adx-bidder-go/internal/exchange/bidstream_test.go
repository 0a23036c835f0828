package exchange

import (
	"context"
	"io"
	"testing"

	"google.golang.org/grpc"

	adxv1 "github.com/lumenads/adx-bidder/gen/adx/v1"
	"github.com/lumenads/adx-bidder/internal/auth"
)

type fakeBidStream struct {
	grpc.ServerStream
	ctx  context.Context
	in   []*adxv1.Bid
	sent []*adxv1.BidAck
}

func (f *fakeBidStream) Context() context.Context { return f.ctx }
func (f *fakeBidStream) Send(a *adxv1.BidAck) error {
	f.sent = append(f.sent, a)
	return nil
}
func (f *fakeBidStream) Recv() (*adxv1.Bid, error) {
	if len(f.in) == 0 {
		return nil, io.EOF
	}
	b := f.in[0]
	f.in = f.in[1:]
	return b, nil
}

func TestBidStreamRefusesSeatNotInToken(t *testing.T) {
	s := &Server{cfg: Config{BidsPerSecond: 10, BidBurst: 10}}
	claims := &auth.Claims{Seats: []string{"seat-a"}}
	ctx := auth.WithClaimsForTest(context.Background(), claims)
	err := s.BidStream(&fakeBidStream{ctx: ctx, in: []*adxv1.Bid{{AuctionId: "a1", SeatId: "seat-b"}}})
	if err == nil {
		t.Fatal("expected PermissionDenied for a seat outside the token")
	}
}

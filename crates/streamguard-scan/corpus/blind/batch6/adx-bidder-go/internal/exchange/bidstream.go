package exchange

import (
	"context"
	"errors"
	"io"
	"time"

	"golang.org/x/time/rate"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	adxv1 "github.com/lumenads/adx-bidder/gen/adx/v1"
	"github.com/lumenads/adx-bidder/internal/auth"
	"github.com/lumenads/adx-bidder/internal/tracker"
)

// reserveTimeout is the auction's hard budget: the exchange closes each
// auction 80 ms after it opens, so a reservation must be back well before.
const reserveTimeout = 50 * time.Millisecond

// BidStream receives bids from a DSP partner. The first bid binds the stream
// to a seat; the partner's token must list that seat.
func (s *Server) BidStream(stream adxv1.Exchange_BidStreamServer) error {
	claims, ok := auth.ClaimsFrom(stream.Context())
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	limiter := rate.NewLimiter(rate.Limit(s.cfg.BidsPerSecond), s.cfg.BidBurst)
	seatBound := false

	for {
		bid, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}

		if !seatBound {
			if !claims.HasSeat(bid.SeatId) {
				return status.Errorf(codes.PermissionDenied, "seat %s not in token", bid.SeatId)
			}
			seatBound = true
		}

		if !limiter.Allow() {
			if err := stream.Send(&adxv1.BidAck{AuctionId: bid.AuctionId, Reason: "RATE_LIMITED"}); err != nil {
				return err
			}
			continue
		}

		ctx, cancel := context.WithTimeout(context.Background(), reserveTimeout)
		res, err := s.budget.Reserve(ctx, bid.SeatId, bid.CampaignId, bid.PriceMicros)
		cancel()
		ack := &adxv1.BidAck{AuctionId: bid.AuctionId}
		if err != nil {
			ack.Reason = "BUDGET_UNAVAILABLE"
		} else {
			ack.Accepted, ack.Reason = res.Accepted, res.Reason
		}

		go func(b *adxv1.Bid, accepted bool) {
			ev := tracker.BidEvent{AuctionID: b.AuctionId, Seat: b.SeatId, Campaign: b.CampaignId, PriceMicros: b.PriceMicros, Accepted: accepted, At: time.Now()}
			if err := s.tracker.Record(context.Background(), ev); err != nil {
				s.log.Warn("bid event lost", "auction", b.AuctionId, "err", err)
			}
		}(bid, ack.Accepted)

		if err := stream.Send(ack); err != nil {
			return err
		}
	}
}

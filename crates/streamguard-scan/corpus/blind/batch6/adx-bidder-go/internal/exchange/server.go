// Package exchange implements adx.v1.Exchange.
package exchange

import (
	"context"
	"log/slog"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	adxv1 "github.com/lumenads/adx-bidder/gen/adx/v1"
	"github.com/lumenads/adx-bidder/internal/auth"
	"github.com/lumenads/adx-bidder/internal/budget"
	"github.com/lumenads/adx-bidder/internal/spendstore"
	"github.com/lumenads/adx-bidder/internal/tracker"
)

// Config of the exchange handlers.
type Config struct {
	BidsPerSecond float64
	BidBurst      int
}

// Server implements the Exchange service.
type Server struct {
	adxv1.UnimplementedExchangeServer

	cfg     Config
	log     *slog.Logger
	budget  *budget.Client
	tracker *tracker.Tracker
	spend   *spendstore.Store
}

func NewServer(cfg Config, log *slog.Logger, b *budget.Client, t *tracker.Tracker, s *spendstore.Store) *Server {
	return &Server{cfg: cfg, log: log, budget: b, tracker: t, spend: s}
}

// GetCampaign returns one campaign of the caller's seats.
func (s *Server) GetCampaign(ctx context.Context, req *adxv1.GetCampaignRequest) (*adxv1.Campaign, error) {
	claims, ok := auth.ClaimsFrom(ctx)
	if !ok {
		return nil, status.Error(codes.Unauthenticated, "no claims")
	}
	sp, err := s.spend.Get(ctx, req.CampaignId)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	if !claims.HasSeat(sp.Seat) && !claims.Admin {
		return nil, status.Error(codes.PermissionDenied, "campaign of another seat")
	}
	return &adxv1.Campaign{CampaignId: req.CampaignId, SeatId: sp.Seat, BudgetMicros: sp.Budget, Status: "ACTIVE"}, nil
}

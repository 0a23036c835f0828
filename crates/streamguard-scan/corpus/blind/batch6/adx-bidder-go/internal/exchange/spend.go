package exchange

import (
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	adxv1 "github.com/lumenads/adx-bidder/gen/adx/v1"
	"github.com/lumenads/adx-bidder/internal/auth"
)

const spendTick = time.Second

// WatchCampaignSpend pushes spend and pacing of one campaign every second
// until the dashboard goes away.
func (s *Server) WatchCampaignSpend(req *adxv1.WatchSpendRequest, stream adxv1.Exchange_WatchCampaignSpendServer) error {
	ctx := stream.Context()
	claims, ok := auth.ClaimsFrom(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "no claims")
	}
	first, err := s.spend.Get(ctx, req.CampaignId)
	if err != nil {
		return status.Error(codes.NotFound, err.Error())
	}
	if !claims.HasSeat(first.Seat) && !claims.Admin {
		return status.Error(codes.PermissionDenied, "campaign of another seat")
	}

	ticker := time.NewTicker(spendTick)
	defer ticker.Stop()
	start := time.Now()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
		sp, err := s.spend.Get(ctx, req.CampaignId)
		if err != nil {
			return status.Error(codes.Unavailable, err.Error())
		}
		pacing := 0.0
		if sp.Budget > 0 {
			elapsedDay := time.Since(start.Truncate(24*time.Hour)).Hours() / 24
			if elapsedDay > 0 {
				pacing = float64(sp.Spent) / float64(sp.Budget) / elapsedDay
			}
		}
		if err := stream.Send(&adxv1.SpendUpdate{
			CampaignId:   req.CampaignId,
			SpentMicros:  sp.Spent,
			BudgetMicros: sp.Budget,
			Pacing:       pacing,
			UnixMs:       time.Now().UnixMilli(),
		}); err != nil {
			return err
		}
	}
}

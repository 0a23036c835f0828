package prices

import (
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pricebookv1 "github.com/brightmart/pos/gen/pricebookv1"
	"github.com/brightmart/pos/internal/termauth"
)

const pollEvery = 15 * time.Second

type Server struct {
	pricebookv1.UnimplementedPricebookServer
	erp *ERP
}

func NewServer(erp *ERP) *Server { return &Server{erp: erp} }

func (s *Server) WatchPrices(req *pricebookv1.WatchPricesRequest, stream pricebookv1.Pricebook_WatchPricesServer) error {
	ctx := stream.Context()
	term, ok := termauth.From(ctx)
	if !ok {
		return status.Error(codes.Unauthenticated, "no terminal identity")
	}
	if req.GetStoreId() != term.StoreID {
		return status.Errorf(codes.PermissionDenied, "terminal %s belongs to %s", term.ID, term.StoreID)
	}
	version := req.GetSinceVersion()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for {
		changes, err := s.erp.Since(ctx, term.StoreID, version)
		if err != nil && ctx.Err() == nil {
			return status.Errorf(codes.Unavailable, "price book unavailable: %v", err)
		}
		for _, c := range changes {
			if err := stream.Send(&pricebookv1.PriceChange{Sku: c.SKU, PriceCents: c.Cents, PromoId: c.PromoID, Version: c.Version}); err != nil {
				return err
			}
			version = c.Version
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

package inventory

import (
	"context"
	"errors"
	"io"
	"slices"

	"github.com/northwind/warehouse/gen/inventorypb"
	"github.com/northwind/warehouse/internal/authn"
	"github.com/northwind/warehouse/internal/ledger"
	"github.com/northwind/warehouse/internal/ratelimit"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

type Service struct {
	inventorypb.UnimplementedInventoryServer

	Store   *Store
	Ledger  *ledger.Client
	Limiter *ratelimit.PerSubject
}

func (s *Service) GetSku(ctx context.Context, req *inventorypb.GetSkuRequest) (*inventorypb.Sku, error) {
	v, ok := s.Store.Get(req.GetSku())
	if !ok || !authn.From(ctx).InWarehouse(v.GetWarehouse()) {
		return nil, status.Error(codes.NotFound, "no such sku")
	}
	return v, nil
}

func (s *Service) ListSkus(req *inventorypb.ListSkusRequest, stream inventorypb.Inventory_ListSkusServer) error {
	if !authn.From(stream.Context()).InWarehouse(req.GetWarehouse()) {
		return status.Error(codes.PermissionDenied, "warehouse not allowed")
	}
	limit := int(req.GetLimit())
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	for _, sku := range s.Store.List(req.GetWarehouse(), limit) {
		if err := stream.Send(sku); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) WatchStock(req *inventorypb.WatchStockRequest, stream inventorypb.Inventory_WatchStockServer) error {
	ctx := stream.Context()
	if !authn.From(ctx).InWarehouse(req.GetWarehouse()) {
		return status.Error(codes.PermissionDenied, "warehouse not allowed")
	}
	levels, unsubscribe := s.Store.Subscribe(req.GetWarehouse())
	defer unsubscribe()
	for {
		select {
		case <-ctx.Done():
			return status.FromContextError(ctx.Err()).Err()
		case l := <-levels:
			if len(req.GetSkus()) > 0 && !slices.Contains(req.GetSkus(), l.GetSku()) {
				continue
			}
			if err := stream.Send(l); err != nil {
				return err
			}
		}
	}
}

func (s *Service) AdjustStock(stream inventorypb.Inventory_AdjustStockServer) error {
	ctx := stream.Context()
	claims := authn.From(ctx)
	if !claims.Can("stock:adjust") {
		return status.Error(codes.PermissionDenied, "stock:adjust required")
	}
	limiter := s.Limiter.For(claims.Subject)

	for {
		adj, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		res := &inventorypb.AdjustmentResult{RequestId: adj.GetRequestId()}
		switch {
		case !claims.InWarehouse(adj.GetWarehouse()):
			res.Error = "PERMISSION_DENIED: warehouse not allowed"
		case !limiter.Allow():
			res.Error = "RESOURCE_EXHAUSTED: adjustment rate exceeded"
		default:
			onHand, ok := s.Store.Adjust(adj.GetWarehouse(), adj.GetSku(), adj.GetDelta())
			if !ok {
				res.Error = "FAILED_PRECONDITION: unknown sku or insufficient stock"
				break
			}
			if _, err := s.Ledger.Record(ctx, &inventorypb.LedgerEntry{
				Warehouse: adj.GetWarehouse(), Sku: adj.GetSku(), Delta: adj.GetDelta(), Actor: claims.Subject, Reason: adj.GetReason(),
			}); err != nil {
				s.Store.Adjust(adj.GetWarehouse(), adj.GetSku(), -adj.GetDelta())
				res.Error = "UNAVAILABLE: ledger write failed"
				break
			}
			res.Ok, res.OnHand = true, onHand
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

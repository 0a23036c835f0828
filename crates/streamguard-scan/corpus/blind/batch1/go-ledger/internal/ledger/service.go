package ledger

import (
	"context"
	"errors"
	"io"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/finco/ledger/api/ledgerpb"
	"github.com/finco/ledger/internal/authn"
	"github.com/finco/ledger/internal/ratelimit"
)

type Service struct {
	ledgerpb.UnimplementedLedgerServer

	store  Store
	fx     FX
	bank   Bank
	limits *ratelimit.PeerLimiter
	base   string
}

func NewService(store Store, fx FX, bank Bank, limits *ratelimit.PeerLimiter) *Service {
	return &Service{store: store, fx: fx, bank: bank, limits: limits, base: "EUR"}
}

func (s *Service) StreamEntries(req *ledgerpb.StreamEntriesRequest, stream grpc.ServerStreamingServer[ledgerpb.Entry]) error {
	ctx := stream.Context()
	claims := authn.FromContext(ctx)
	if !claims.CanRead(req.GetAccount()) {
		return status.Error(codes.PermissionDenied, "account not readable")
	}
	entries, err := s.store.Subscribe(ctx, req.GetAccount(), req.GetFromSeq())
	if err != nil {
		return status.Errorf(codes.Unavailable, "subscribe: %v", err)
	}
	for {
		select {
		case <-ctx.Done():
			return status.FromContextError(ctx.Err()).Err()
		case e, ok := <-entries:
			if !ok {
				return nil
			}
			if err := stream.Send(e); err != nil {
				return err
			}
		}
	}
}

func (s *Service) ImportEntries(stream grpc.ClientStreamingServer[ledgerpb.Entry, ledgerpb.ImportSummary]) error {
	ctx := stream.Context()
	claims := authn.FromContext(ctx)
	var imported, rejected uint32
	for {
		e, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&ledgerpb.ImportSummary{Imported: imported, Rejected: rejected})
		}
		if err != nil {
			return err
		}
		if !claims.CanWrite(e.GetAccount()) {
			rejected++
			continue
		}
		if e.GetCurrency() != s.base {
			cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			converted, err := s.fx.Convert(cctx, e.GetAmountMinor(), e.GetCurrency(), s.base)
			cancel()
			if err != nil {
				return status.Errorf(codes.Unavailable, "fx: %v", err)
			}
			e.AmountMinor, e.Currency = converted, s.base
		}
		if err := s.store.Append(ctx, e); err != nil {
			return status.Errorf(codes.Internal, "append: %v", err)
		}
		imported++
	}
}

func (s *Service) Reconcile(stream grpc.BidiStreamingServer[ledgerpb.ReconcileRequest, ledgerpb.ReconcileResult]) error {
	ctx := stream.Context()
	claims := authn.FromContext(ctx)
	limiter := s.limits.For(ctx)
	for {
		req, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if !limiter.Allow() {
			return status.Error(codes.ResourceExhausted, "too many reconcile requests")
		}
		if !claims.CanRead(req.GetAccount()) {
			if err := stream.Send(&ledgerpb.ReconcileResult{Ref: req.GetRef(), Error: "PERMISSION_DENIED"}); err != nil {
				return err
			}
			continue
		}
		line, err := s.bank.Fetch(ctx, req.GetAccount(), req.GetRef())
		res := &ledgerpb.ReconcileResult{Ref: req.GetRef()}
		if err != nil {
			res.Error = status.Convert(err).Message()
		} else {
			res.Matched = line.GetAmountMinor() == req.GetAmountMinor()
			res.BankAmountMinor = line.GetAmountMinor()
		}
		if err := stream.Send(res); err != nil {
			return err
		}
	}
}

func (s *Service) GetBalance(ctx context.Context, req *ledgerpb.BalanceRequest) (*ledgerpb.Balance, error) {
	claims := authn.FromContext(ctx)
	if claims == nil || !claims.CanRead(req.GetAccount()) {
		return nil, status.Error(codes.PermissionDenied, "account not readable")
	}
	b, err := s.store.Balance(ctx, req.GetAccount())
	if err != nil {
		return nil, status.Errorf(codes.Internal, "balance: %v", err)
	}
	return &ledgerpb.Balance{Account: req.GetAccount(), AmountMinor: b, Currency: s.base}, nil
}

package main

import (
	"context"
	"errors"
	"io"
	"log"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	ledgerv1 "github.com/northwind-fin/ledger/api/ledger/v1"
	"github.com/northwind-fin/ledger/internal/auth"
	"github.com/northwind-fin/ledger/internal/bus"
	"github.com/northwind-fin/ledger/internal/settlement"
)

const settlementTimeout = 10 * time.Second

type balanceStore struct {
	mu sync.RWMutex
	m  map[string]*ledgerv1.Balance
}

func newBalanceStore() *balanceStore { return &balanceStore{m: map[string]*ledgerv1.Balance{}} }

func (b *balanceStore) get(id string) (*ledgerv1.Balance, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	v, ok := b.m[id]
	return v, ok
}

type ledgerServer struct {
	ledgerv1.UnimplementedLedgerServer
	trades   *bus.Trades
	balances *balanceStore
	settle   *settlement.Client
}

func (s *ledgerServer) GetBalance(ctx context.Context, req *ledgerv1.GetBalanceRequest) (*ledgerv1.Balance, error) {
	c, _ := auth.FromContext(ctx)
	if c == nil || !c.CanAccess(req.GetAccountId()) {
		return nil, status.Error(codes.PermissionDenied, "account not permitted")
	}
	b, ok := s.balances.get(req.GetAccountId())
	if !ok {
		return nil, status.Error(codes.NotFound, "unknown account")
	}
	return b, nil
}

func (s *ledgerServer) SubscribeTrades(req *ledgerv1.SubscribeTradesRequest, stream ledgerv1.Ledger_SubscribeTradesServer) error {
	ctx := stream.Context()
	c, _ := auth.FromContext(ctx)
	want := make(map[string]bool, len(req.GetAccountIds()))
	for _, a := range req.GetAccountIds() {
		if !c.CanAccess(a) {
			return status.Errorf(codes.PermissionDenied, "account %s not permitted", a)
		}
		want[a] = true
	}

	id, ch := s.trades.Subscribe(256)
	defer s.trades.Unsubscribe(id)

	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case tr, ok := <-ch:
			if !ok {
				return status.Error(codes.Unavailable, "trade bus closed")
			}
			if !want[tr.GetAccountId()] {
				continue
			}
			if err := stream.Send(tr); err != nil {
				return err
			}
		}
	}
}

func (s *ledgerServer) SettleBatch(stream ledgerv1.Ledger_SettleBatchServer) error {
	c, _ := auth.FromContext(stream.Context())
	var settled, failed int32
	for {
		st, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return stream.SendAndClose(&ledgerv1.SettleSummary{Settled: settled, Failed: failed})
		}
		if err != nil {
			return err
		}
		if !c.CanAccess(st.GetAccountId()) {
			return status.Errorf(codes.PermissionDenied, "account %s not permitted", st.GetAccountId())
		}

		ctx, cancel := context.WithTimeout(context.Background(), settlementTimeout)
		err = s.settle.Post(ctx, st.GetSettlementId(), st.GetAccountId(), st.GetAmountMinor(), st.GetCurrency())
		cancel()
		if err != nil {
			log.Printf("settlement %s failed: %v", st.GetSettlementId(), err)
			failed++
			continue
		}
		settled++
	}
}

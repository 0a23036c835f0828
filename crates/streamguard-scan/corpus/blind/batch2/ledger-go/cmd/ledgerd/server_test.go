package main

import (
	"context"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"

	ledgerv1 "github.com/northwind-fin/ledger/api/ledger/v1"
	"github.com/northwind-fin/ledger/internal/bus"
)

// tickingLedger is a stand-in that pushes a synthetic trade every few milliseconds.
type tickingLedger struct {
	ledgerv1.UnimplementedLedgerServer
}

func (tickingLedger) SubscribeTrades(req *ledgerv1.SubscribeTradesRequest, stream ledgerv1.Ledger_SubscribeTradesServer) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for i := 0; ; i++ {
		<-t.C
		if err := stream.Send(&ledgerv1.Trade{TradeId: "t", AccountId: "acc-1", Qty: int64(i)}); err != nil {
			return err
		}
	}
}

func dial(t *testing.T, srv ledgerv1.LedgerServer) ledgerv1.LedgerClient {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	s := grpc.NewServer()
	ledgerv1.RegisterLedgerServer(s, srv)
	go s.Serve(lis)
	t.Cleanup(s.Stop)
	conn, err := grpc.NewClient("passthrough:///buf",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return ledgerv1.NewLedgerClient(conn)
}

func TestTickingLedgerStreams(t *testing.T) {
	c := dial(t, tickingLedger{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	st, err := c.SubscribeTrades(ctx, &ledgerv1.SubscribeTradesRequest{AccountIds: []string{"acc-1"}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := st.Recv(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBusFanout(t *testing.T) {
	b := bus.NewTrades()
	id, ch := b.Subscribe(1)
	defer b.Unsubscribe(id)
	b.Publish(&ledgerv1.Trade{TradeId: "x"})
	if got := (<-ch).GetTradeId(); got != "x" {
		t.Fatalf("got %q", got)
	}
}

package ledger

import (
	"context"

	"github.com/finco/ledger/api/ledgerpb"
)

// Store is the persistence layer (Postgres in production).
type Store interface {
	Append(ctx context.Context, e *ledgerpb.Entry) error
	Subscribe(ctx context.Context, account string, fromSeq uint64) (<-chan *ledgerpb.Entry, error)
	Balance(ctx context.Context, account string) (int64, error)
}

// FX converts amounts between currencies.
type FX interface {
	Convert(ctx context.Context, amountMinor int64, from, to string) (int64, error)
}

// Bank fetches statement lines from a correspondent bank.
type Bank interface {
	Fetch(ctx context.Context, account, ref string) (*ledgerpb.BankLine, error)
}

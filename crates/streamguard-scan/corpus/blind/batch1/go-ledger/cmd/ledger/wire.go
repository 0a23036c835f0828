package main

import (
	"context"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/finco/ledger/internal/authn"
	"github.com/finco/ledger/internal/ledger"
)

type deps struct {
	store       ledger.Store
	fx          ledger.FX
	bank        ledger.Bank
	revocations authn.RevocationChecker
}

func wire(ctx context.Context) (*deps, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("LEDGER_DSN"))
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &deps{
		store:       newPgStore(pool),
		fx:          newFXClient(os.Getenv("FX_ADDR")),
		bank:        newBankClient(os.Getenv("BANK_ADDR")),
		revocations: newPgRevocations(pool),
	}, nil
}

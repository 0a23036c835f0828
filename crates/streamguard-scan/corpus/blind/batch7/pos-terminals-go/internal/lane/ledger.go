package lane

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNoReceipt = errors.New("no such receipt")

// Ledger records sales against the store database.
type Ledger struct{ db *pgxpool.Pool }

func NewLedger(db *pgxpool.Pool) *Ledger { return &Ledger{db: db} }

func (l *Ledger) Price(ctx context.Context, storeID, sku string) (int64, error) {
	var cents int64
	err := l.db.QueryRow(ctx, `SELECT price_cents FROM store_prices WHERE store_id = $1 AND sku = $2`, storeID, sku).Scan(&cents)
	return cents, err
}

func (l *Ledger) Close(ctx context.Context, storeID string, lane uint32, lines []Line, tender string, total int64) (string, error) {
	var id string
	err := pgx.BeginFunc(ctx, l.db, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO receipts (store_id, lane, tender, total_cents) VALUES ($1,$2,$3,$4) RETURNING id`,
			storeID, lane, tender, total).Scan(&id); err != nil {
			return err
		}
		for _, ln := range lines {
			if _, err := tx.Exec(ctx, `INSERT INTO receipt_lines (receipt_id, sku, qty, cents) VALUES ($1,$2,$3,$4)`, id, ln.SKU, ln.Qty, ln.Cents); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

func (l *Ledger) Void(ctx context.Context, storeID, receiptID string) error {
	tag, err := l.db.Exec(ctx, `UPDATE receipts SET voided_at = now() WHERE store_id = $1 AND id = $2 AND voided_at IS NULL`, storeID, receiptID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNoReceipt
	}
	return nil
}

func (l *Ledger) Refund(ctx context.Context, storeID, receiptID string, cents int64) error {
	tag, err := l.db.Exec(ctx, `INSERT INTO refunds (receipt_id, cents)
		SELECT id, $3 FROM receipts WHERE store_id = $1 AND id = $2 AND total_cents >= $3`, storeID, receiptID, cents)
	if err != nil {
		return fmt.Errorf("refund: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNoReceipt
	}
	return nil
}

package model

import (
	"errors"
	"fmt"
)

// TrendLog is a building management record as stored in the database.
type TrendLog struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Revision int64 `json:"revision" db:"revision"`
}

// Validate reports the first problem with the record.
func (r *TrendLog) Validate() error {
	if r.Id == "" {
		return errors.New("trend_log: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("trend_log: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("trend_log: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("trend_log: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *TrendLog) Key() string { return fmt.Sprintf("trend_log:%s", r.Id) }

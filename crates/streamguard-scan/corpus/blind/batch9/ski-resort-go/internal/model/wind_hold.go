package model

import (
	"errors"
	"fmt"
)

// WindHold is a ski resort record as stored in the database.
type WindHold struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	Label string `json:"label" db:"label"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
	Score float64 `json:"score" db:"score"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *WindHold) Validate() error {
	if r.Id == "" {
		return errors.New("wind_hold: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("wind_hold: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("wind_hold: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("wind_hold: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *WindHold) Key() string { return fmt.Sprintf("wind_hold:%s", r.Id) }

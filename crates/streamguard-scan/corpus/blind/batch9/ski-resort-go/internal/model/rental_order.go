package model

import (
	"errors"
	"fmt"
)

// RentalOrder is a ski resort record as stored in the database.
type RentalOrder struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	SiteId string `json:"site_id" db:"site_id"`
	Note string `json:"note" db:"note"`
	Score float64 `json:"score" db:"score"`
	Tags []string `json:"tags" db:"tags"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *RentalOrder) Validate() error {
	if r.Id == "" {
		return errors.New("rental_order: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("rental_order: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("rental_order: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *RentalOrder) Key() string { return fmt.Sprintf("rental_order:%s", r.Id) }

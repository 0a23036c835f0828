package model

import (
	"errors"
	"fmt"
)

// RestaurantOrder is a ski resort record as stored in the database.
type RestaurantOrder struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
	Score float64 `json:"score" db:"score"`
	Note string `json:"note" db:"note"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
}

// Validate reports the first problem with the record.
func (r *RestaurantOrder) Validate() error {
	if r.Id == "" {
		return errors.New("restaurant_order: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("restaurant_order: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("restaurant_order: score must not be negative, got %v", r.Score)
	}
	if r.Revision < 0 {
		return fmt.Errorf("restaurant_order: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *RestaurantOrder) Key() string { return fmt.Sprintf("restaurant_order:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// DemandLimit is a building management record as stored in the database.
type DemandLimit struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *DemandLimit) Validate() error {
	if r.Id == "" {
		return errors.New("demand_limit: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("demand_limit: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("demand_limit: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *DemandLimit) Key() string { return fmt.Sprintf("demand_limit:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Meter is a building management record as stored in the database.
type Meter struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Owner string `json:"owner" db:"owner"`
	Revision int64 `json:"revision" db:"revision"`
}

// Validate reports the first problem with the record.
func (r *Meter) Validate() error {
	if r.Id == "" {
		return errors.New("meter: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("meter: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("meter: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("meter: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Meter) Key() string { return fmt.Sprintf("meter:%s", r.Id) }

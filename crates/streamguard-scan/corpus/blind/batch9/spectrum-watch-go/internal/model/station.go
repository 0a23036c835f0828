package model

import (
	"errors"
	"fmt"
)

// Station is a spectrum monitoring record as stored in the database.
type Station struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	Note string `json:"note" db:"note"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Owner string `json:"owner" db:"owner"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *Station) Validate() error {
	if r.Id == "" {
		return errors.New("station: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("station: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("station: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("station: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Station) Key() string { return fmt.Sprintf("station:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// FddResult is a building management record as stored in the database.
type FddResult struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Owner string `json:"owner" db:"owner"`
	Kind string `json:"kind" db:"kind"`
	SiteId string `json:"site_id" db:"site_id"`
	Note string `json:"note" db:"note"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *FddResult) Validate() error {
	if r.Id == "" {
		return errors.New("fdd_result: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("fdd_result: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *FddResult) Key() string { return fmt.Sprintf("fdd_result:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Space is a building management record as stored in the database.
type Space struct {
	Id string `json:"id" db:"id"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *Space) Validate() error {
	if r.Id == "" {
		return errors.New("space: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("space: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("space: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Space) Key() string { return fmt.Sprintf("space:%s", r.Id) }

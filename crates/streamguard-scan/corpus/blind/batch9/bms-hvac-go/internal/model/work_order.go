package model

import (
	"errors"
	"fmt"
)

// WorkOrder is a building management record as stored in the database.
type WorkOrder struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Note string `json:"note" db:"note"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *WorkOrder) Validate() error {
	if r.Id == "" {
		return errors.New("work_order: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("work_order: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("work_order: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *WorkOrder) Key() string { return fmt.Sprintf("work_order:%s", r.Id) }

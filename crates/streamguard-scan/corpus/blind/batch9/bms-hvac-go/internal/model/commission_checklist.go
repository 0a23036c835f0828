package model

import (
	"errors"
	"fmt"
)

// CommissionChecklist is a building management record as stored in the database.
type CommissionChecklist struct {
	Id string `json:"id" db:"id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
	Label string `json:"label" db:"label"`
}

// Validate reports the first problem with the record.
func (r *CommissionChecklist) Validate() error {
	if r.Id == "" {
		return errors.New("commission_checklist: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("commission_checklist: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("commission_checklist: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *CommissionChecklist) Key() string { return fmt.Sprintf("commission_checklist:%s", r.Id) }

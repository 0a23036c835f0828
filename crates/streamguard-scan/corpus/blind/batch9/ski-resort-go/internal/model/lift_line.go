package model

import (
	"errors"
	"fmt"
)

// LiftLine is a ski resort record as stored in the database.
type LiftLine struct {
	Id string `json:"id" db:"id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Revision int64 `json:"revision" db:"revision"`
	Status string `json:"status" db:"status"`
	Label string `json:"label" db:"label"`
}

// Validate reports the first problem with the record.
func (r *LiftLine) Validate() error {
	if r.Id == "" {
		return errors.New("lift_line: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("lift_line: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("lift_line: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *LiftLine) Key() string { return fmt.Sprintf("lift_line:%s", r.Id) }

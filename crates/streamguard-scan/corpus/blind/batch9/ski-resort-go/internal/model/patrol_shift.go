package model

import (
	"errors"
	"fmt"
)

// PatrolShift is a ski resort record as stored in the database.
type PatrolShift struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *PatrolShift) Validate() error {
	if r.Id == "" {
		return errors.New("patrol_shift: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("patrol_shift: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *PatrolShift) Key() string { return fmt.Sprintf("patrol_shift:%s", r.Id) }

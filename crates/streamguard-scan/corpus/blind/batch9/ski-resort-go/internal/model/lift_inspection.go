package model

import (
	"errors"
	"fmt"
)

// LiftInspection is a ski resort record as stored in the database.
type LiftInspection struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Status string `json:"status" db:"status"`
	Score float64 `json:"score" db:"score"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
}

// Validate reports the first problem with the record.
func (r *LiftInspection) Validate() error {
	if r.Id == "" {
		return errors.New("lift_inspection: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("lift_inspection: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("lift_inspection: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("lift_inspection: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("lift_inspection: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *LiftInspection) Key() string { return fmt.Sprintf("lift_inspection:%s", r.Id) }

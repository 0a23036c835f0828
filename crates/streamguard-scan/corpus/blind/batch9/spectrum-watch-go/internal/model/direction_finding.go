package model

import (
	"errors"
	"fmt"
)

// DirectionFinding is a spectrum monitoring record as stored in the database.
type DirectionFinding struct {
	Id string `json:"id" db:"id"`
	Owner string `json:"owner" db:"owner"`
	Score float64 `json:"score" db:"score"`
	Note string `json:"note" db:"note"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *DirectionFinding) Validate() error {
	if r.Id == "" {
		return errors.New("direction_finding: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("direction_finding: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("direction_finding: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("direction_finding: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *DirectionFinding) Key() string { return fmt.Sprintf("direction_finding:%s", r.Id) }

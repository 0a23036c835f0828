package model

import (
	"errors"
	"fmt"
)

// BandPlan is a spectrum monitoring record as stored in the database.
type BandPlan struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Score float64 `json:"score" db:"score"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Owner string `json:"owner" db:"owner"`
	Tags []string `json:"tags" db:"tags"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *BandPlan) Validate() error {
	if r.Id == "" {
		return errors.New("band_plan: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("band_plan: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("band_plan: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("band_plan: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *BandPlan) Key() string { return fmt.Sprintf("band_plan:%s", r.Id) }

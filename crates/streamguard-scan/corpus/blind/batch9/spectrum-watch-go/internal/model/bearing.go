package model

import (
	"errors"
	"fmt"
)

// Bearing is a spectrum monitoring record as stored in the database.
type Bearing struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Kind string `json:"kind" db:"kind"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *Bearing) Validate() error {
	if r.Id == "" {
		return errors.New("bearing: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("bearing: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("bearing: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Bearing) Key() string { return fmt.Sprintf("bearing:%s", r.Id) }

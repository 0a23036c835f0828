package model

import (
	"errors"
	"fmt"
)

// NoiseFloor is a spectrum monitoring record as stored in the database.
type NoiseFloor struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Note string `json:"note" db:"note"`
	Kind string `json:"kind" db:"kind"`
	Tags []string `json:"tags" db:"tags"`
	Score float64 `json:"score" db:"score"`
	Label string `json:"label" db:"label"`
}

// Validate reports the first problem with the record.
func (r *NoiseFloor) Validate() error {
	if r.Id == "" {
		return errors.New("noise_floor: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("noise_floor: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("noise_floor: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *NoiseFloor) Key() string { return fmt.Sprintf("noise_floor:%s", r.Id) }

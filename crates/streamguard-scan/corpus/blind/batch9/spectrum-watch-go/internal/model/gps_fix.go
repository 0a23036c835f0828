package model

import (
	"errors"
	"fmt"
)

// GpsFix is a spectrum monitoring record as stored in the database.
type GpsFix struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	Tags []string `json:"tags" db:"tags"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	Note string `json:"note" db:"note"`
	Owner string `json:"owner" db:"owner"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *GpsFix) Validate() error {
	if r.Id == "" {
		return errors.New("gps_fix: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("gps_fix: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("gps_fix: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *GpsFix) Key() string { return fmt.Sprintf("gps_fix:%s", r.Id) }

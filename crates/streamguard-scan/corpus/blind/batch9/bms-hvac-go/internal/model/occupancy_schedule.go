package model

import (
	"errors"
	"fmt"
)

// OccupancySchedule is a building management record as stored in the database.
type OccupancySchedule struct {
	Id string `json:"id" db:"id"`
	Kind string `json:"kind" db:"kind"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Score float64 `json:"score" db:"score"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *OccupancySchedule) Validate() error {
	if r.Id == "" {
		return errors.New("occupancy_schedule: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("occupancy_schedule: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("occupancy_schedule: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *OccupancySchedule) Key() string { return fmt.Sprintf("occupancy_schedule:%s", r.Id) }

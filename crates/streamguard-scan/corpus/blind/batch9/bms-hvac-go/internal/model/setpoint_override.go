package model

import (
	"errors"
	"fmt"
)

// SetpointOverride is a building management record as stored in the database.
type SetpointOverride struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Score float64 `json:"score" db:"score"`
	Status string `json:"status" db:"status"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *SetpointOverride) Validate() error {
	if r.Id == "" {
		return errors.New("setpoint_override: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("setpoint_override: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("setpoint_override: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *SetpointOverride) Key() string { return fmt.Sprintf("setpoint_override:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// FilterChange is a building management record as stored in the database.
type FilterChange struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	SiteId string `json:"site_id" db:"site_id"`
	Owner string `json:"owner" db:"owner"`
	Label string `json:"label" db:"label"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Score float64 `json:"score" db:"score"`
	Kind string `json:"kind" db:"kind"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
}

// Validate reports the first problem with the record.
func (r *FilterChange) Validate() error {
	if r.Id == "" {
		return errors.New("filter_change: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("filter_change: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("filter_change: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("filter_change: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *FilterChange) Key() string { return fmt.Sprintf("filter_change:%s", r.Id) }

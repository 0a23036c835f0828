package model

import (
	"errors"
	"fmt"
)

// Shuttle is a ski resort record as stored in the database.
type Shuttle struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Tags []string `json:"tags" db:"tags"`
	Label string `json:"label" db:"label"`
	Owner string `json:"owner" db:"owner"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *Shuttle) Validate() error {
	if r.Id == "" {
		return errors.New("shuttle: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("shuttle: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("shuttle: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("shuttle: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Shuttle) Key() string { return fmt.Sprintf("shuttle:%s", r.Id) }

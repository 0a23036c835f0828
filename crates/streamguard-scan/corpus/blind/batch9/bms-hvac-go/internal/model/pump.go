package model

import (
	"errors"
	"fmt"
)

// Pump is a building management record as stored in the database.
type Pump struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *Pump) Validate() error {
	if r.Id == "" {
		return errors.New("pump: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("pump: revision must not be negative, got %v", r.Revision)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("pump: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("pump: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Pump) Key() string { return fmt.Sprintf("pump:%s", r.Id) }

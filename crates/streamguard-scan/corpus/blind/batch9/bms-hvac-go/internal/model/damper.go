package model

import (
	"errors"
	"fmt"
)

// Damper is a building management record as stored in the database.
type Damper struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
	Label string `json:"label" db:"label"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *Damper) Validate() error {
	if r.Id == "" {
		return errors.New("damper: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("damper: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("damper: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("damper: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Damper) Key() string { return fmt.Sprintf("damper:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Sweep is a spectrum monitoring record as stored in the database.
type Sweep struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Tags []string `json:"tags" db:"tags"`
	Score float64 `json:"score" db:"score"`
	Label string `json:"label" db:"label"`
	Kind string `json:"kind" db:"kind"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *Sweep) Validate() error {
	if r.Id == "" {
		return errors.New("sweep: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("sweep: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("sweep: score must not be negative, got %v", r.Score)
	}
	if r.Revision < 0 {
		return fmt.Errorf("sweep: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Sweep) Key() string { return fmt.Sprintf("sweep:%s", r.Id) }

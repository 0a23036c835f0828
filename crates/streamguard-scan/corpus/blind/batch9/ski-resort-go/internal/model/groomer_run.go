package model

import (
	"errors"
	"fmt"
)

// GroomerRun is a ski resort record as stored in the database.
type GroomerRun struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	SiteId string `json:"site_id" db:"site_id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Revision int64 `json:"revision" db:"revision"`
	Owner string `json:"owner" db:"owner"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *GroomerRun) Validate() error {
	if r.Id == "" {
		return errors.New("groomer_run: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("groomer_run: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("groomer_run: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("groomer_run: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *GroomerRun) Key() string { return fmt.Sprintf("groomer_run:%s", r.Id) }

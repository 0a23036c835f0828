package model

import (
	"errors"
	"fmt"
)

// Locker is a ski resort record as stored in the database.
type Locker struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
	Tags []string `json:"tags" db:"tags"`
	Status string `json:"status" db:"status"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *Locker) Validate() error {
	if r.Id == "" {
		return errors.New("locker: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("locker: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("locker: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("locker: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("locker: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Locker) Key() string { return fmt.Sprintf("locker:%s", r.Id) }

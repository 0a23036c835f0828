package model

import (
	"errors"
	"fmt"
)

// ValleyScreen is a ski resort record as stored in the database.
type ValleyScreen struct {
	Id string `json:"id" db:"id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Owner string `json:"owner" db:"owner"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
	Label string `json:"label" db:"label"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *ValleyScreen) Validate() error {
	if r.Id == "" {
		return errors.New("valley_screen: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("valley_screen: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("valley_screen: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("valley_screen: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *ValleyScreen) Key() string { return fmt.Sprintf("valley_screen:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Floor is a building management record as stored in the database.
type Floor struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *Floor) Validate() error {
	if r.Id == "" {
		return errors.New("floor: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("floor: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("floor: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Floor) Key() string { return fmt.Sprintf("floor:%s", r.Id) }

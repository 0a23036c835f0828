package model

import (
	"errors"
	"fmt"
)

// Instructor is a ski resort record as stored in the database.
type Instructor struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Kind string `json:"kind" db:"kind"`
	Owner string `json:"owner" db:"owner"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *Instructor) Validate() error {
	if r.Id == "" {
		return errors.New("instructor: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("instructor: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("instructor: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Instructor) Key() string { return fmt.Sprintf("instructor:%s", r.Id) }

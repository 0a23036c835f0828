package model

import (
	"errors"
	"fmt"
)

// Point is a building management record as stored in the database.
type Point struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	Score float64 `json:"score" db:"score"`
	Kind string `json:"kind" db:"kind"`
	Owner string `json:"owner" db:"owner"`
	Status string `json:"status" db:"status"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *Point) Validate() error {
	if r.Id == "" {
		return errors.New("point: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("point: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("point: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Point) Key() string { return fmt.Sprintf("point:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Boiler is a building management record as stored in the database.
type Boiler struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Label string `json:"label" db:"label"`
	Score float64 `json:"score" db:"score"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *Boiler) Validate() error {
	if r.Id == "" {
		return errors.New("boiler: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("boiler: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("boiler: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Boiler) Key() string { return fmt.Sprintf("boiler:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Capture is a spectrum monitoring record as stored in the database.
type Capture struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	Score float64 `json:"score" db:"score"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *Capture) Validate() error {
	if r.Id == "" {
		return errors.New("capture: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("capture: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("capture: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Capture) Key() string { return fmt.Sprintf("capture:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Thermostat is a building management record as stored in the database.
type Thermostat struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Note string `json:"note" db:"note"`
	Score float64 `json:"score" db:"score"`
	Revision int64 `json:"revision" db:"revision"`
}

// Validate reports the first problem with the record.
func (r *Thermostat) Validate() error {
	if r.Id == "" {
		return errors.New("thermostat: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("thermostat: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("thermostat: score must not be negative, got %v", r.Score)
	}
	if r.Revision < 0 {
		return fmt.Errorf("thermostat: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Thermostat) Key() string { return fmt.Sprintf("thermostat:%s", r.Id) }

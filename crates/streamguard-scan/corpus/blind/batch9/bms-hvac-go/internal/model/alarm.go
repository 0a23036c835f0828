package model

import (
	"errors"
	"fmt"
)

// Alarm is a building management record as stored in the database.
type Alarm struct {
	Id string `json:"id" db:"id"`
	Owner string `json:"owner" db:"owner"`
	Label string `json:"label" db:"label"`
	Note string `json:"note" db:"note"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Tags []string `json:"tags" db:"tags"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *Alarm) Validate() error {
	if r.Id == "" {
		return errors.New("alarm: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("alarm: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("alarm: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Alarm) Key() string { return fmt.Sprintf("alarm:%s", r.Id) }

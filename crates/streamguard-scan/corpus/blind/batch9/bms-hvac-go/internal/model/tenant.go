package model

import (
	"errors"
	"fmt"
)

// Tenant is a building management record as stored in the database.
type Tenant struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
	Label string `json:"label" db:"label"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *Tenant) Validate() error {
	if r.Id == "" {
		return errors.New("tenant: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("tenant: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("tenant: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Tenant) Key() string { return fmt.Sprintf("tenant:%s", r.Id) }

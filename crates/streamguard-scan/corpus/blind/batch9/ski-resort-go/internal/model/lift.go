package model

import (
	"errors"
	"fmt"
)

// Lift is a ski resort record as stored in the database.
type Lift struct {
	Id string `json:"id" db:"id"`
	Owner string `json:"owner" db:"owner"`
	SiteId string `json:"site_id" db:"site_id"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	Note string `json:"note" db:"note"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Kind string `json:"kind" db:"kind"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *Lift) Validate() error {
	if r.Id == "" {
		return errors.New("lift: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("lift: revision must not be negative, got %v", r.Revision)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("lift: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("lift: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Lift) Key() string { return fmt.Sprintf("lift:%s", r.Id) }

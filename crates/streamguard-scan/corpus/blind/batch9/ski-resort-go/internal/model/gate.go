package model

import (
	"errors"
	"fmt"
)

// Gate is a ski resort record as stored in the database.
type Gate struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Revision int64 `json:"revision" db:"revision"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *Gate) Validate() error {
	if r.Id == "" {
		return errors.New("gate: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("gate: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("gate: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Gate) Key() string { return fmt.Sprintf("gate:%s", r.Id) }

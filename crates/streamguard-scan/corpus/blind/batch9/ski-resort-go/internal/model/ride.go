package model

import (
	"errors"
	"fmt"
)

// Ride is a ski resort record as stored in the database.
type Ride struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Note string `json:"note" db:"note"`
	Label string `json:"label" db:"label"`
	Tags []string `json:"tags" db:"tags"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *Ride) Validate() error {
	if r.Id == "" {
		return errors.New("ride: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("ride: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Ride) Key() string { return fmt.Sprintf("ride:%s", r.Id) }

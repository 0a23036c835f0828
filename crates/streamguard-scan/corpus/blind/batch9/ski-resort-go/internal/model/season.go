package model

import (
	"errors"
	"fmt"
)

// Season is a ski resort record as stored in the database.
type Season struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Status string `json:"status" db:"status"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *Season) Validate() error {
	if r.Id == "" {
		return errors.New("season: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("season: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("season: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Season) Key() string { return fmt.Sprintf("season:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Licensee is a spectrum monitoring record as stored in the database.
type Licensee struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Status string `json:"status" db:"status"`
	Tags []string `json:"tags" db:"tags"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Label string `json:"label" db:"label"`
	Kind string `json:"kind" db:"kind"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *Licensee) Validate() error {
	if r.Id == "" {
		return errors.New("licensee: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("licensee: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("licensee: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Licensee) Key() string { return fmt.Sprintf("licensee:%s", r.Id) }

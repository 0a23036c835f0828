package model

import (
	"errors"
	"fmt"
)

// Building is a building management record as stored in the database.
type Building struct {
	Id string `json:"id" db:"id"`
	Kind string `json:"kind" db:"kind"`
	SiteId string `json:"site_id" db:"site_id"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Owner string `json:"owner" db:"owner"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *Building) Validate() error {
	if r.Id == "" {
		return errors.New("building: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("building: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Building) Key() string { return fmt.Sprintf("building:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Controller is a building management record as stored in the database.
type Controller struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	SiteId string `json:"site_id" db:"site_id"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *Controller) Validate() error {
	if r.Id == "" {
		return errors.New("controller: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("controller: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Controller) Key() string { return fmt.Sprintf("controller:%s", r.Id) }

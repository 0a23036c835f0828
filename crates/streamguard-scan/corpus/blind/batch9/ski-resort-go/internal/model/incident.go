package model

import (
	"errors"
	"fmt"
)

// Incident is a ski resort record as stored in the database.
type Incident struct {
	Id string `json:"id" db:"id"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
	Owner string `json:"owner" db:"owner"`
	Label string `json:"label" db:"label"`
}

// Validate reports the first problem with the record.
func (r *Incident) Validate() error {
	if r.Id == "" {
		return errors.New("incident: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("incident: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Incident) Key() string { return fmt.Sprintf("incident:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Complaint is a spectrum monitoring record as stored in the database.
type Complaint struct {
	Id string `json:"id" db:"id"`
	Kind string `json:"kind" db:"kind"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
	Note string `json:"note" db:"note"`
}

// Validate reports the first problem with the record.
func (r *Complaint) Validate() error {
	if r.Id == "" {
		return errors.New("complaint: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("complaint: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("complaint: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Complaint) Key() string { return fmt.Sprintf("complaint:%s", r.Id) }

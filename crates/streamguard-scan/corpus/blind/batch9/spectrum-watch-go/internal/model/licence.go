package model

import (
	"errors"
	"fmt"
)

// Licence is a spectrum monitoring record as stored in the database.
type Licence struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Score float64 `json:"score" db:"score"`
	Status string `json:"status" db:"status"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
}

// Validate reports the first problem with the record.
func (r *Licence) Validate() error {
	if r.Id == "" {
		return errors.New("licence: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("licence: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("licence: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("licence: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("licence: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Licence) Key() string { return fmt.Sprintf("licence:%s", r.Id) }

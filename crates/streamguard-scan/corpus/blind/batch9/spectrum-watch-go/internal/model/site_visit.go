package model

import (
	"errors"
	"fmt"
)

// SiteVisit is a spectrum monitoring record as stored in the database.
type SiteVisit struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	SiteId string `json:"site_id" db:"site_id"`
	Score float64 `json:"score" db:"score"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *SiteVisit) Validate() error {
	if r.Id == "" {
		return errors.New("site_visit: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("site_visit: revision must not be negative, got %v", r.Revision)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("site_visit: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("site_visit: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *SiteVisit) Key() string { return fmt.Sprintf("site_visit:%s", r.Id) }

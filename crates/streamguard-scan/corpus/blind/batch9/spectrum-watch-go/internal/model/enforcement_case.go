package model

import (
	"errors"
	"fmt"
)

// EnforcementCase is a spectrum monitoring record as stored in the database.
type EnforcementCase struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Owner string `json:"owner" db:"owner"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
	Tags []string `json:"tags" db:"tags"`
	Label string `json:"label" db:"label"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *EnforcementCase) Validate() error {
	if r.Id == "" {
		return errors.New("enforcement_case: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("enforcement_case: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("enforcement_case: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("enforcement_case: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *EnforcementCase) Key() string { return fmt.Sprintf("enforcement_case:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// FrequencyAssignment is a spectrum monitoring record as stored in the database.
type FrequencyAssignment struct {
	Id string `json:"id" db:"id"`
	Note string `json:"note" db:"note"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
	Owner string `json:"owner" db:"owner"`
	Status string `json:"status" db:"status"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *FrequencyAssignment) Validate() error {
	if r.Id == "" {
		return errors.New("frequency_assignment: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("frequency_assignment: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("frequency_assignment: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("frequency_assignment: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *FrequencyAssignment) Key() string { return fmt.Sprintf("frequency_assignment:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// FaultRule is a building management record as stored in the database.
type FaultRule struct {
	Id string `json:"id" db:"id"`
	Owner string `json:"owner" db:"owner"`
	SiteId string `json:"site_id" db:"site_id"`
	Note string `json:"note" db:"note"`
	Status string `json:"status" db:"status"`
	Revision int64 `json:"revision" db:"revision"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Label string `json:"label" db:"label"`
	Tags []string `json:"tags" db:"tags"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *FaultRule) Validate() error {
	if r.Id == "" {
		return errors.New("fault_rule: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("fault_rule: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("fault_rule: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("fault_rule: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *FaultRule) Key() string { return fmt.Sprintf("fault_rule:%s", r.Id) }

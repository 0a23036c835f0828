package model

import (
	"errors"
	"fmt"
)

// FieldEngineer is a spectrum monitoring record as stored in the database.
type FieldEngineer struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
	Tags []string `json:"tags" db:"tags"`
	Score float64 `json:"score" db:"score"`
	Kind string `json:"kind" db:"kind"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *FieldEngineer) Validate() error {
	if r.Id == "" {
		return errors.New("field_engineer: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("field_engineer: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("field_engineer: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *FieldEngineer) Key() string { return fmt.Sprintf("field_engineer:%s", r.Id) }

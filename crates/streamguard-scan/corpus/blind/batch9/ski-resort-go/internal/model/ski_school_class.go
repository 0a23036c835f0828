package model

import (
	"errors"
	"fmt"
)

// SkiSchoolClass is a ski resort record as stored in the database.
type SkiSchoolClass struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	Score float64 `json:"score" db:"score"`
	Owner string `json:"owner" db:"owner"`
	SiteId string `json:"site_id" db:"site_id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *SkiSchoolClass) Validate() error {
	if r.Id == "" {
		return errors.New("ski_school_class: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("ski_school_class: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("ski_school_class: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("ski_school_class: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *SkiSchoolClass) Key() string { return fmt.Sprintf("ski_school_class:%s", r.Id) }

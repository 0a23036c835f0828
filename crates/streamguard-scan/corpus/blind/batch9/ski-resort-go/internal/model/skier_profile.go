package model

import (
	"errors"
	"fmt"
)

// SkierProfile is a ski resort record as stored in the database.
type SkierProfile struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Owner string `json:"owner" db:"owner"`
	Label string `json:"label" db:"label"`
	Score float64 `json:"score" db:"score"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *SkierProfile) Validate() error {
	if r.Id == "" {
		return errors.New("skier_profile: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("skier_profile: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("skier_profile: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *SkierProfile) Key() string { return fmt.Sprintf("skier_profile:%s", r.Id) }

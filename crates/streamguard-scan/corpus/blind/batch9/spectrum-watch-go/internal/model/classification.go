package model

import (
	"errors"
	"fmt"
)

// Classification is a spectrum monitoring record as stored in the database.
type Classification struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Label string `json:"label" db:"label"`
	Status string `json:"status" db:"status"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *Classification) Validate() error {
	if r.Id == "" {
		return errors.New("classification: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("classification: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("classification: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Classification) Key() string { return fmt.Sprintf("classification:%s", r.Id) }

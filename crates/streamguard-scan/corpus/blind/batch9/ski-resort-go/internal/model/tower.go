package model

import (
	"errors"
	"fmt"
)

// Tower is a ski resort record as stored in the database.
type Tower struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Note string `json:"note" db:"note"`
	Owner string `json:"owner" db:"owner"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
}

// Validate reports the first problem with the record.
func (r *Tower) Validate() error {
	if r.Id == "" {
		return errors.New("tower: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("tower: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("tower: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("tower: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Tower) Key() string { return fmt.Sprintf("tower:%s", r.Id) }

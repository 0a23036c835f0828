package model

import (
	"errors"
	"fmt"
)

// Piste is a ski resort record as stored in the database.
type Piste struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Owner string `json:"owner" db:"owner"`
	Score float64 `json:"score" db:"score"`
	Revision int64 `json:"revision" db:"revision"`
	Kind string `json:"kind" db:"kind"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *Piste) Validate() error {
	if r.Id == "" {
		return errors.New("piste: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("piste: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("piste: score must not be negative, got %v", r.Score)
	}
	if r.Revision < 0 {
		return fmt.Errorf("piste: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("piste: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Piste) Key() string { return fmt.Sprintf("piste:%s", r.Id) }

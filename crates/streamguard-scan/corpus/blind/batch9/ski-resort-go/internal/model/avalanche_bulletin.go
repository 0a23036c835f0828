package model

import (
	"errors"
	"fmt"
)

// AvalancheBulletin is a ski resort record as stored in the database.
type AvalancheBulletin struct {
	Id string `json:"id" db:"id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	Status string `json:"status" db:"status"`
	Owner string `json:"owner" db:"owner"`
	Score float64 `json:"score" db:"score"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *AvalancheBulletin) Validate() error {
	if r.Id == "" {
		return errors.New("avalanche_bulletin: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("avalanche_bulletin: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("avalanche_bulletin: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("avalanche_bulletin: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *AvalancheBulletin) Key() string { return fmt.Sprintf("avalanche_bulletin:%s", r.Id) }

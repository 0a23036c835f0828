package model

import (
	"errors"
	"fmt"
)

// SeasonPass is a ski resort record as stored in the database.
type SeasonPass struct {
	Id string `json:"id" db:"id"`
	Kind string `json:"kind" db:"kind"`
	Status string `json:"status" db:"status"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *SeasonPass) Validate() error {
	if r.Id == "" {
		return errors.New("season_pass: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("season_pass: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("season_pass: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *SeasonPass) Key() string { return fmt.Sprintf("season_pass:%s", r.Id) }

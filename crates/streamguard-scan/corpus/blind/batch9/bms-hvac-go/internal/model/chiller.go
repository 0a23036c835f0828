package model

import (
	"errors"
	"fmt"
)

// Chiller is a building management record as stored in the database.
type Chiller struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	Owner string `json:"owner" db:"owner"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Note string `json:"note" db:"note"`
}

// Validate reports the first problem with the record.
func (r *Chiller) Validate() error {
	if r.Id == "" {
		return errors.New("chiller: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("chiller: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Chiller) Key() string { return fmt.Sprintf("chiller:%s", r.Id) }

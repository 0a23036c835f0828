package model

import (
	"errors"
	"fmt"
)

// Notice is a spectrum monitoring record as stored in the database.
type Notice struct {
	Id string `json:"id" db:"id"`
	Note string `json:"note" db:"note"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Label string `json:"label" db:"label"`
	Score float64 `json:"score" db:"score"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *Notice) Validate() error {
	if r.Id == "" {
		return errors.New("notice: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("notice: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("notice: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Notice) Key() string { return fmt.Sprintf("notice:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Receiver is a spectrum monitoring record as stored in the database.
type Receiver struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
	Owner string `json:"owner" db:"owner"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
}

// Validate reports the first problem with the record.
func (r *Receiver) Validate() error {
	if r.Id == "" {
		return errors.New("receiver: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("receiver: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("receiver: score must not be negative, got %v", r.Score)
	}
	if r.Revision < 0 {
		return fmt.Errorf("receiver: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Receiver) Key() string { return fmt.Sprintf("receiver:%s", r.Id) }

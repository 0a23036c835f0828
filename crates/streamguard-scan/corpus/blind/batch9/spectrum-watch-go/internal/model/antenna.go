package model

import (
	"errors"
	"fmt"
)

// Antenna is a spectrum monitoring record as stored in the database.
type Antenna struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Score float64 `json:"score" db:"score"`
	Note string `json:"note" db:"note"`
	Owner string `json:"owner" db:"owner"`
	SiteId string `json:"site_id" db:"site_id"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *Antenna) Validate() error {
	if r.Id == "" {
		return errors.New("antenna: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("antenna: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("antenna: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("antenna: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("antenna: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Antenna) Key() string { return fmt.Sprintf("antenna:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Trunk is a building management record as stored in the database.
type Trunk struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Score float64 `json:"score" db:"score"`
	Tags []string `json:"tags" db:"tags"`
	Kind string `json:"kind" db:"kind"`
	Note string `json:"note" db:"note"`
}

// Validate reports the first problem with the record.
func (r *Trunk) Validate() error {
	if r.Id == "" {
		return errors.New("trunk: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("trunk: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("trunk: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Trunk) Key() string { return fmt.Sprintf("trunk:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Zone is a building management record as stored in the database.
type Zone struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Tags []string `json:"tags" db:"tags"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
	Note string `json:"note" db:"note"`
}

// Validate reports the first problem with the record.
func (r *Zone) Validate() error {
	if r.Id == "" {
		return errors.New("zone: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("zone: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Zone) Key() string { return fmt.Sprintf("zone:%s", r.Id) }

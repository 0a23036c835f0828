package model

import (
	"errors"
	"fmt"
)

// AirHandler is a building management record as stored in the database.
type AirHandler struct {
	Id string `json:"id" db:"id"`
	Kind string `json:"kind" db:"kind"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Tags []string `json:"tags" db:"tags"`
	Note string `json:"note" db:"note"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *AirHandler) Validate() error {
	if r.Id == "" {
		return errors.New("air_handler: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("air_handler: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *AirHandler) Key() string { return fmt.Sprintf("air_handler:%s", r.Id) }

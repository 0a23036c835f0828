package model

import (
	"errors"
	"fmt"
)

// PhotoCapture is a ski resort record as stored in the database.
type PhotoCapture struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Label string `json:"label" db:"label"`
	Kind string `json:"kind" db:"kind"`
	Note string `json:"note" db:"note"`
	SiteId string `json:"site_id" db:"site_id"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *PhotoCapture) Validate() error {
	if r.Id == "" {
		return errors.New("photo_capture: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("photo_capture: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("photo_capture: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *PhotoCapture) Key() string { return fmt.Sprintf("photo_capture:%s", r.Id) }

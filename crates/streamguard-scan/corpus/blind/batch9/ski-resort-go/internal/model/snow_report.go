package model

import (
	"errors"
	"fmt"
)

// SnowReport is a ski resort record as stored in the database.
type SnowReport struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Status string `json:"status" db:"status"`
	Tags []string `json:"tags" db:"tags"`
	Kind string `json:"kind" db:"kind"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *SnowReport) Validate() error {
	if r.Id == "" {
		return errors.New("snow_report: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("snow_report: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("snow_report: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *SnowReport) Key() string { return fmt.Sprintf("snow_report:%s", r.Id) }

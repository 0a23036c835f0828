package model

import (
	"errors"
	"fmt"
)

// Region is a spectrum monitoring record as stored in the database.
type Region struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Score float64 `json:"score" db:"score"`
	Kind string `json:"kind" db:"kind"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
	Status string `json:"status" db:"status"`
}

// Validate reports the first problem with the record.
func (r *Region) Validate() error {
	if r.Id == "" {
		return errors.New("region: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("region: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("region: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Region) Key() string { return fmt.Sprintf("region:%s", r.Id) }

package model

import (
	"errors"
	"fmt"
)

// Emitter is a spectrum monitoring record as stored in the database.
type Emitter struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	Note string `json:"note" db:"note"`
	Kind string `json:"kind" db:"kind"`
	Tags []string `json:"tags" db:"tags"`
	SiteId string `json:"site_id" db:"site_id"`
	Status string `json:"status" db:"status"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *Emitter) Validate() error {
	if r.Id == "" {
		return errors.New("emitter: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("emitter: score must not be negative, got %v", r.Score)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("emitter: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *Emitter) Key() string { return fmt.Sprintf("emitter:%s", r.Id) }

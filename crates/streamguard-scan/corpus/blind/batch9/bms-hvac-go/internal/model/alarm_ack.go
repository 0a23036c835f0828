package model

import (
	"errors"
	"fmt"
)

// AlarmAck is a building management record as stored in the database.
type AlarmAck struct {
	Id string `json:"id" db:"id"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Kind string `json:"kind" db:"kind"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *AlarmAck) Validate() error {
	if r.Id == "" {
		return errors.New("alarm_ack: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("alarm_ack: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("alarm_ack: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("alarm_ack: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *AlarmAck) Key() string { return fmt.Sprintf("alarm_ack:%s", r.Id) }

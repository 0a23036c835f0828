package model

import (
	"errors"
	"fmt"
)

// DayTicket is a ski resort record as stored in the database.
type DayTicket struct {
	Id string `json:"id" db:"id"`
	Note string `json:"note" db:"note"`
	Status string `json:"status" db:"status"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	Score float64 `json:"score" db:"score"`
}

// Validate reports the first problem with the record.
func (r *DayTicket) Validate() error {
	if r.Id == "" {
		return errors.New("day_ticket: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("day_ticket: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("day_ticket: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *DayTicket) Key() string { return fmt.Sprintf("day_ticket:%s", r.Id) }

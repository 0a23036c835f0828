package model

import (
	"errors"
	"fmt"
)

// HolidayCalendar is a building management record as stored in the database.
type HolidayCalendar struct {
	Id string `json:"id" db:"id"`
	Score float64 `json:"score" db:"score"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Note string `json:"note" db:"note"`
	Label string `json:"label" db:"label"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *HolidayCalendar) Validate() error {
	if r.Id == "" {
		return errors.New("holiday_calendar: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("holiday_calendar: score must not be negative, got %v", r.Score)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("holiday_calendar: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *HolidayCalendar) Key() string { return fmt.Sprintf("holiday_calendar:%s", r.Id) }

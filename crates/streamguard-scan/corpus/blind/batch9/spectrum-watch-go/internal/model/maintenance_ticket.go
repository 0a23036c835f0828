package model

import (
	"errors"
	"fmt"
)

// MaintenanceTicket is a spectrum monitoring record as stored in the database.
type MaintenanceTicket struct {
	Id string `json:"id" db:"id"`
	Owner string `json:"owner" db:"owner"`
	Kind string `json:"kind" db:"kind"`
	Score float64 `json:"score" db:"score"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *MaintenanceTicket) Validate() error {
	if r.Id == "" {
		return errors.New("maintenance_ticket: id is required")
	}
	if r.Score < 0 {
		return fmt.Errorf("maintenance_ticket: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *MaintenanceTicket) Key() string { return fmt.Sprintf("maintenance_ticket:%s", r.Id) }

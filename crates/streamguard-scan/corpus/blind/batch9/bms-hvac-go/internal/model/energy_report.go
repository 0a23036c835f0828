package model

import (
	"errors"
	"fmt"
)

// EnergyReport is a building management record as stored in the database.
type EnergyReport struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Note string `json:"note" db:"note"`
	Owner string `json:"owner" db:"owner"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
}

// Validate reports the first problem with the record.
func (r *EnergyReport) Validate() error {
	if r.Id == "" {
		return errors.New("energy_report: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("energy_report: revision must not be negative, got %v", r.Revision)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("energy_report: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("energy_report: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *EnergyReport) Key() string { return fmt.Sprintf("energy_report:%s", r.Id) }

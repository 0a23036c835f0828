package model

import (
	"errors"
	"fmt"
)

// Calibration is a building management record as stored in the database.
type Calibration struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	Owner string `json:"owner" db:"owner"`
	Note string `json:"note" db:"note"`
	Label string `json:"label" db:"label"`
}

// Validate reports the first problem with the record.
func (r *Calibration) Validate() error {
	if r.Id == "" {
		return errors.New("calibration: id is required")
	}
	return nil
}

// Key is the cache key of the record.
func (r *Calibration) Key() string { return fmt.Sprintf("calibration:%s", r.Id) }

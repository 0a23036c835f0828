package model

import (
	"errors"
	"fmt"
)

// CalibrationRun is a spectrum monitoring record as stored in the database.
type CalibrationRun struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	SiteId string `json:"site_id" db:"site_id"`
	Owner string `json:"owner" db:"owner"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Revision int64 `json:"revision" db:"revision"`
	Score float64 `json:"score" db:"score"`
	Status string `json:"status" db:"status"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *CalibrationRun) Validate() error {
	if r.Id == "" {
		return errors.New("calibration_run: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("calibration_run: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("calibration_run: revision must not be negative, got %v", r.Revision)
	}
	if r.Score < 0 {
		return fmt.Errorf("calibration_run: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *CalibrationRun) Key() string { return fmt.Sprintf("calibration_run:%s", r.Id) }

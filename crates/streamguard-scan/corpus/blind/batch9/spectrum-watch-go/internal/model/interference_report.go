package model

import (
	"errors"
	"fmt"
)

// InterferenceReport is a spectrum monitoring record as stored in the database.
type InterferenceReport struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Note string `json:"note" db:"note"`
	Kind string `json:"kind" db:"kind"`
	Revision int64 `json:"revision" db:"revision"`
	Status string `json:"status" db:"status"`
	Owner string `json:"owner" db:"owner"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *InterferenceReport) Validate() error {
	if r.Id == "" {
		return errors.New("interference_report: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("interference_report: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *InterferenceReport) Key() string { return fmt.Sprintf("interference_report:%s", r.Id) }

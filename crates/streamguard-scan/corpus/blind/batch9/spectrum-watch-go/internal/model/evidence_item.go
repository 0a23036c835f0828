package model

import (
	"errors"
	"fmt"
)

// EvidenceItem is a spectrum monitoring record as stored in the database.
type EvidenceItem struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *EvidenceItem) Validate() error {
	if r.Id == "" {
		return errors.New("evidence_item: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("evidence_item: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *EvidenceItem) Key() string { return fmt.Sprintf("evidence_item:%s", r.Id) }

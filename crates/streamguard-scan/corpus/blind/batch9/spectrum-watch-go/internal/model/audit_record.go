package model

import (
	"errors"
	"fmt"
)

// AuditRecord is a spectrum monitoring record as stored in the database.
type AuditRecord struct {
	Id string `json:"id" db:"id"`
	Status string `json:"status" db:"status"`
	Label string `json:"label" db:"label"`
	Revision int64 `json:"revision" db:"revision"`
	Tags []string `json:"tags" db:"tags"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Kind string `json:"kind" db:"kind"`
	Owner string `json:"owner" db:"owner"`
}

// Validate reports the first problem with the record.
func (r *AuditRecord) Validate() error {
	if r.Id == "" {
		return errors.New("audit_record: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("audit_record: revision must not be negative, got %v", r.Revision)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("audit_record: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("audit_record: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *AuditRecord) Key() string { return fmt.Sprintf("audit_record:%s", r.Id) }

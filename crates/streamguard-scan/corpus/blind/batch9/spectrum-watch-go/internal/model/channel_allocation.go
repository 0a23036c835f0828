package model

import (
	"errors"
	"fmt"
)

// ChannelAllocation is a spectrum monitoring record as stored in the database.
type ChannelAllocation struct {
	Id string `json:"id" db:"id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	SiteId string `json:"site_id" db:"site_id"`
	Revision int64 `json:"revision" db:"revision"`
	Label string `json:"label" db:"label"`
	Owner string `json:"owner" db:"owner"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	Note string `json:"note" db:"note"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *ChannelAllocation) Validate() error {
	if r.Id == "" {
		return errors.New("channel_allocation: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("channel_allocation: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("channel_allocation: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *ChannelAllocation) Key() string { return fmt.Sprintf("channel_allocation:%s", r.Id) }

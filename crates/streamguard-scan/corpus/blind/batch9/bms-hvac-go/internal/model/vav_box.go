package model

import (
	"errors"
	"fmt"
)

// VavBox is a building management record as stored in the database.
type VavBox struct {
	Id string `json:"id" db:"id"`
	Label string `json:"label" db:"label"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Tags []string `json:"tags" db:"tags"`
	Owner string `json:"owner" db:"owner"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Status string `json:"status" db:"status"`
	Score float64 `json:"score" db:"score"`
	SiteId string `json:"site_id" db:"site_id"`
}

// Validate reports the first problem with the record.
func (r *VavBox) Validate() error {
	if r.Id == "" {
		return errors.New("vav_box: id is required")
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("vav_box: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("vav_box: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("vav_box: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *VavBox) Key() string { return fmt.Sprintf("vav_box:%s", r.Id) }

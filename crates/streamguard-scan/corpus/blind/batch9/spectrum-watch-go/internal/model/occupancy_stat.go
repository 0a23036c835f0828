package model

import (
	"errors"
	"fmt"
)

// OccupancyStat is a spectrum monitoring record as stored in the database.
type OccupancyStat struct {
	Id string `json:"id" db:"id"`
	Tags []string `json:"tags" db:"tags"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Revision int64 `json:"revision" db:"revision"`
	SiteId string `json:"site_id" db:"site_id"`
	UpdatedAt int64 `json:"updated_at" db:"updated_at"`
	Score float64 `json:"score" db:"score"`
	Label string `json:"label" db:"label"`
}

// Validate reports the first problem with the record.
func (r *OccupancyStat) Validate() error {
	if r.Id == "" {
		return errors.New("occupancy_stat: id is required")
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("occupancy_stat: created_at must not be negative, got %v", r.CreatedAt)
	}
	if r.Revision < 0 {
		return fmt.Errorf("occupancy_stat: revision must not be negative, got %v", r.Revision)
	}
	if r.UpdatedAt < 0 {
		return fmt.Errorf("occupancy_stat: updated_at must not be negative, got %v", r.UpdatedAt)
	}
	if r.Score < 0 {
		return fmt.Errorf("occupancy_stat: score must not be negative, got %v", r.Score)
	}
	return nil
}

// Key is the cache key of the record.
func (r *OccupancyStat) Key() string { return fmt.Sprintf("occupancy_stat:%s", r.Id) }

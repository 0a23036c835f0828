package model

import (
	"errors"
	"fmt"
)

// ParkingLot is a ski resort record as stored in the database.
type ParkingLot struct {
	Id string `json:"id" db:"id"`
	SiteId string `json:"site_id" db:"site_id"`
	Revision int64 `json:"revision" db:"revision"`
	CreatedAt int64 `json:"created_at" db:"created_at"`
	Note string `json:"note" db:"note"`
}

// Validate reports the first problem with the record.
func (r *ParkingLot) Validate() error {
	if r.Id == "" {
		return errors.New("parking_lot: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("parking_lot: revision must not be negative, got %v", r.Revision)
	}
	if r.CreatedAt < 0 {
		return fmt.Errorf("parking_lot: created_at must not be negative, got %v", r.CreatedAt)
	}
	return nil
}

// Key is the cache key of the record.
func (r *ParkingLot) Key() string { return fmt.Sprintf("parking_lot:%s", r.Id) }
